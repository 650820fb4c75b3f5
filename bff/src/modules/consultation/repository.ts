import type { ConsultationStatus, Prisma, PrismaClient } from '@govpocket/db';

/** Consultation rows with their department, sections and attachments, as the views need them. */
type Db = PrismaClient | Prisma.TransactionClient;

const summarySelect = {
  id: true,
  title: true,
  status: true,
  summary: true,
  startsAt: true,
  endsAt: true,
  feedbackPublishedAt: true,
  departmentId: true,
  department: { select: { id: true, name: true } },
  _count: { select: { opinions: true } },
} as const;

const detailSelect = {
  ...summarySelect,
  background: true,
  basis: true,
  shortenedReason: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  contactAddress: true,
  sections: { select: { id: true, number: true, heading: true, body: true }, orderBy: { number: 'asc' } },
  attachments: { select: { id: true, name: true, url: true, fileId: true, mimeType: true, sizeBytes: true }, orderBy: { sortOrder: 'asc' } },
  feedbackReports: { select: { version: true }, orderBy: { version: 'desc' }, take: 1 },
} as const satisfies Prisma.ConsultationSelect;

export type ConsultationSummaryRow = Prisma.ConsultationGetPayload<{ select: typeof summarySelect }>;
export type ConsultationDetailRow = Prisma.ConsultationGetPayload<{ select: typeof detailSelect }>;

export async function listPublicConsultations(db: Db, { statuses, departmentId }: { statuses: ConsultationStatus[]; departmentId?: string }): Promise<ConsultationSummaryRow[]> {
  return db.consultation.findMany({
    where: { status: { in: statuses }, ...(departmentId ? { departmentId } : {}) },
    select: summarySelect,
    orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
    take: 200,
  });
}

export async function listDepartmentsWithConsultations(db: Db): Promise<Array<{ id: string; name: string }>> {
  return db.department.findMany({
    where: { consultations: { some: { status: { not: 'DRAFT' } } } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

export async function listDepartmentConsultations(db: Db, departmentId: string): Promise<Array<ConsultationSummaryRow & { unanswered: number }>> {
  const rows = await db.consultation.findMany({ where: { departmentId }, select: summarySelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 200 });
  const unanswered = await db.opinion.groupBy({ by: ['consultationId'], where: { consultationId: { in: rows.map((row) => row.id) }, status: 'SUBMITTED' }, _count: { _all: true } });
  return rows.map((row) => ({ ...row, unanswered: unanswered.find((group) => group.consultationId === row.id)?._count._all ?? 0 }));
}

export async function findConsultationDetail(db: Db, id: string): Promise<ConsultationDetailRow | null> {
  return db.consultation.findUnique({ where: { id }, select: detailSelect });
}

export async function findConsultationState(db: Db, id: string) {
  return db.consultation.findUnique({ where: { id }, select: { id: true, title: true, status: true, departmentId: true, startsAt: true, endsAt: true, department: { select: { name: true } } } });
}

export type ConsultationWrite = {
  title: string;
  summary: string | null;
  background: string;
  basis: string;
  startsAt: Date;
  endsAt: Date;
  shortenedReason: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactAddress: string | null;
  sections: Array<{ heading: string | null; body: string }>;
  attachments: Array<{ name: string; url: string | null; fileId: string | null; mimeType: string; sizeBytes: number }>;
};

function nested(data: ConsultationWrite) {
  const { sections, attachments, ...fields } = data;
  return {
    fields,
    sections: sections.map((section, index) => ({ number: index + 1, heading: section.heading, body: section.body })),
    attachments: attachments.map((attachment, index) => ({ ...attachment, sortOrder: index + 1 })),
  };
}

export async function insertConsultation(tx: Prisma.TransactionClient, departmentId: string, data: ConsultationWrite): Promise<{ id: string }> {
  const { fields, sections, attachments } = nested(data);
  return tx.consultation.create({
    data: { ...fields, departmentId, status: 'DRAFT', sections: { createMany: { data: sections } }, attachments: { createMany: { data: attachments } } },
    select: { id: true },
  });
}

/** Rewrites a draft wholesale: a draft has no opinions yet, so its sections can be replaced. */
export async function replaceDraft(tx: Prisma.TransactionClient, id: string, data: ConsultationWrite): Promise<boolean> {
  const { fields, sections, attachments } = nested(data);
  const { count } = await tx.consultation.updateMany({ where: { id, status: 'DRAFT' }, data: fields });
  if (count === 0) return false;
  await tx.consultationSection.deleteMany({ where: { consultationId: id } });
  await tx.consultationAttachment.deleteMany({ where: { consultationId: id } });
  await tx.consultationSection.createMany({ data: sections.map((section) => ({ ...section, consultationId: id })) });
  await tx.consultationAttachment.createMany({ data: attachments.map((attachment) => ({ ...attachment, consultationId: id })) });
  return true;
}

export async function findDocumentFiles(db: Db, fileIds: string[]) {
  return db.uploadedFile.findMany({
    where: { id: { in: fileIds }, purpose: 'CONSULTATION_DOCUMENT' },
    select: { id: true, ownerId: true, contentType: true, sizeBytes: true, consultationAttachments: { select: { consultationId: true } } },
  });
}

/** Moves a consultation between states only from the state the caller saw: false when it had moved. */
export async function transitionConsultation(
  tx: Prisma.TransactionClient,
  { id, from, to, at }: { id: string; from: ConsultationStatus; to: ConsultationStatus; at: Date },
): Promise<boolean> {
  const stamp = to === 'OPEN' ? { openedAt: at } : to === 'CLOSED' ? { closedAt: at } : to === 'FEEDBACK_PUBLISHED' ? { feedbackPublishedAt: at } : {};
  const { count } = await tx.consultation.updateMany({ where: { id, status: from }, data: { status: to, ...stamp } });
  return count === 1;
}

/** Takes the row lock while the consultation is still in `status` (serialises answers and publishing). */
export async function lockInState(tx: Prisma.TransactionClient, { id, status }: { id: string; status: ConsultationStatus }): Promise<boolean> {
  const { count } = await tx.consultation.updateMany({ where: { id, status }, data: { updatedAt: new Date() } });
  return count === 1;
}

export async function listDue(db: Db, { status, field, now }: { status: ConsultationStatus; field: 'startsAt' | 'endsAt'; now: Date }): Promise<Array<{ id: string; endsAt: Date }>> {
  return db.consultation.findMany({ where: { status, [field]: { lte: now } }, select: { id: true, endsAt: true }, orderBy: { [field]: 'asc' }, take: 500 });
}
