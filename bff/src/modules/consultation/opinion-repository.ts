import type { ContentCheckStatus, OpinionOutcomeKind, Prisma, PrismaClient } from '@govpocket/db';
import { ownerId } from '../../platform/db/owner';

/** Opinions and their outcomes. Only this file and ./repository.ts touch Prisma for the module. */
type Db = PrismaClient | Prisma.TransactionClient;

const outcomeSelect = { outcome: true, reason: true, summary: true, mergedIntoOpinionId: true, isPublished: true, publishedAt: true } as const;

const mineSelect = {
  id: true,
  consultationId: true,
  sectionId: true,
  body: true,
  status: true,
  createdAt: true,
  consultation: { select: { id: true, title: true, status: true } },
  section: { select: { id: true, number: true, heading: true } },
  outcome: { select: { ...outcomeSelect, mergedIntoOpinion: { select: { section: { select: { number: true } } } } } },
} as const satisfies Prisma.OpinionSelect;

export type MyOpinionRow = Prisma.OpinionGetPayload<{ select: typeof mineSelect }>;

export async function findOpinionByKey(db: Db, { userId, idempotencyKey }: { userId: string; idempotencyKey: string }): Promise<MyOpinionRow | null> {
  return db.opinion.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } }, select: mineSelect });
}

export async function findMyOpinion(db: Db, { id, userId }: { id: string; userId: string }): Promise<MyOpinionRow | null> {
  return db.opinion.findFirst({ where: { id, userId: ownerId(userId, 'userId') }, select: mineSelect });
}

export async function listMyOpinions(db: Db, { userId, consultationId }: { userId: string; consultationId?: string }): Promise<MyOpinionRow[]> {
  return db.opinion.findMany({ where: { userId: ownerId(userId, 'userId'), ...(consultationId ? { consultationId } : {}) }, select: mineSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 200 });
}

export async function insertOpinion(
  tx: Prisma.TransactionClient,
  data: { consultationId: string; sectionId: string | null; userId: string; idempotencyKey: string; body: string; contentCheckStatus: ContentCheckStatus; contentCheckTraceId: string | null },
): Promise<{ id: string }> {
  return tx.opinion.create({ data, select: { id: true } });
}

export async function findOpenid(db: Db, userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { openid: true } }))?.openid ?? null;
}

const staffSelect = {
  id: true,
  userId: true,
  body: true,
  status: true,
  contentCheckStatus: true,
  createdAt: true,
  section: { select: { id: true, number: true } },
  outcome: { select: outcomeSelect },
} as const satisfies Prisma.OpinionSelect;

export type StaffOpinionRow = Prisma.OpinionGetPayload<{ select: typeof staffSelect }>;

/** Every opinion of a consultation in submission order (the order gives each its number). */
export async function listConsultationOpinions(db: Db, consultationId: string): Promise<StaffOpinionRow[]> {
  return db.opinion.findMany({ where: { consultationId }, select: staffSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export type OutcomeWrite = { outcome: OpinionOutcomeKind; reason: string | null; summary: string | null; mergedIntoOpinionId: string | null };

/** Drafts (or redrafts) the answer of one opinion; published answers are only changed by a correction. */
export async function upsertOutcome(tx: Prisma.TransactionClient, { opinionId, answeredById, answer, publishedAt }: { opinionId: string; answeredById: string; answer: OutcomeWrite; publishedAt: Date | null }): Promise<void> {
  const published = publishedAt ? { isPublished: true, publishedAt } : {};
  await tx.opinionOutcome.upsert({
    where: { opinionId },
    create: { opinionId, answeredById, ...answer, ...published },
    update: { answeredById, ...answer, ...published },
  });
  await tx.opinion.update({ where: { id: opinionId }, data: { status: publishedAt ? 'PUBLISHED' : 'ANSWERED' } });
}

export async function countUnanswered(db: Db, consultationId: string): Promise<number> {
  return db.opinion.count({ where: { consultationId, status: 'SUBMITTED' } });
}

export async function publishOutcomes(tx: Prisma.TransactionClient, { consultationId, at }: { consultationId: string; at: Date }): Promise<void> {
  await tx.opinionOutcome.updateMany({ where: { opinion: { consultationId }, isPublished: false }, data: { isPublished: true, publishedAt: at } });
  await tx.opinion.updateMany({ where: { consultationId }, data: { status: 'PUBLISHED' } });
}

export async function latestReportVersion(db: Db, consultationId: string): Promise<number> {
  return (await db.consultationFeedbackReport.findFirst({ where: { consultationId }, select: { version: true }, orderBy: { version: 'desc' } }))?.version ?? 0;
}

export async function insertReport(
  tx: Prisma.TransactionClient,
  data: { consultationId: string; version: number; report: Prisma.InputJsonValue; summary: string; publishedById: string; publishedAt: Date },
): Promise<void> {
  await tx.consultationFeedbackReport.create({ data });
}

export async function findReport(db: Db, { consultationId, version }: { consultationId: string; version?: number }) {
  return db.consultationFeedbackReport.findFirst({
    where: { consultationId, ...(version === undefined ? {} : { version }) },
    select: { version: true, report: true, summary: true, publishedAt: true },
    orderBy: { version: 'desc' },
  });
}

export async function listReportVersions(db: Db, consultationId: string): Promise<Array<{ version: number; publishedAt: Date }>> {
  return db.consultationFeedbackReport.findMany({ where: { consultationId }, select: { version: true, publishedAt: true }, orderBy: { version: 'asc' } });
}
