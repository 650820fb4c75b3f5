import type { StaffConsultation, StaffConsultationListResponse } from '@govpocket/shared';
import { consultationInputSchema } from '@govpocket/shared';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { addLocalDays, dayMs, endOfLocalDay, localDateOf, startOfLocalDay } from '../calendar/shanghai-time';
import { inTransaction } from '../../platform/db/transaction';
import type { ConsultationDeps } from './deps';
import { listConsultationOpinions } from './opinion-repository';
import { findConsultationDetail, findDocumentFiles, insertConsultation, listDepartmentConsultations, replaceDraft, type ConsultationWrite } from './repository';
import { readConsultationSettings } from './settings';
import { actingRole, assertState, loadOwnConsultation, type StaffActor } from './staff-access';
import { toDetail, toListItem, toStaffOpinion } from './views';

/** The department's drafts: created and edited while DRAFT; the open/close jobs take it from there. */
type ParsedInput = z.output<typeof consultationInputSchema>;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] });

async function toWrite(deps: ConsultationDeps, input: ParsedInput, { staffId, consultationId }: { staffId: string; consultationId: string | null }): Promise<ConsultationWrite> {
  const settings = await readConsultationSettings(deps.prisma);
  const today = localDateOf(deps.now());
  if (input.startDate < today) throw invalid('startDate', '开始日期不能早于今天');
  const endDate = input.endDate ?? addLocalDays(input.startDate, settings.defaultDays - 1);
  if (endDate < input.startDate) throw invalid('endDate', '结束日期不能早于开始日期');
  const days = Math.round((Date.parse(endDate) - Date.parse(input.startDate)) / dayMs) + 1;
  if (days < settings.defaultDays && !input.shortenedReason) throw invalid('shortenedReason', `征集期限少于${settings.defaultDays}天的，须说明理由`);

  const fileIds = input.attachments.flatMap((attachment) => (attachment.fileId ? [attachment.fileId] : []));
  const files = await findDocumentFiles(deps.prisma, fileIds);
  const attachments = input.attachments.map((attachment, index) => {
    if (!attachment.fileId) return { name: attachment.name, url: attachment.url, fileId: null, mimeType: /\.pdf$/i.test(attachment.url ?? '') ? 'application/pdf' : 'text/html', sizeBytes: 0 };
    const file = files.find((candidate) => candidate.id === attachment.fileId);
    // One's own upload, or a document this consultation already carries (a colleague's edit).
    const isUsable = file && (file.ownerId === staffId || file.consultationAttachments.some((use) => use.consultationId === consultationId));
    if (!file || !isUsable) throw invalid(`attachments.${index}.fileId`, '附件文件不存在，请重新上传');
    return { name: attachment.name, url: null, fileId: file.id, mimeType: file.contentType, sizeBytes: file.sizeBytes };
  });
  return {
    title: input.title,
    summary: input.summary,
    background: input.background,
    basis: input.basis,
    startsAt: startOfLocalDay(input.startDate),
    endsAt: endOfLocalDay(endDate),
    shortenedReason: days < settings.defaultDays ? input.shortenedReason : null,
    contactName: input.contact.name,
    contactPhone: input.contact.phone,
    contactEmail: input.contact.email,
    contactAddress: input.contact.address,
    sections: input.sections,
    attachments,
  };
}

export async function getStaffConsultation(deps: ConsultationDeps, { departmentId, consultationId }: { departmentId: string; consultationId: string }): Promise<StaffConsultation> {
  await loadOwnConsultation(deps.prisma, { departmentId, consultationId });
  const row = await findConsultationDetail(deps.prisma, consultationId);
  if (!row) throw new AppError('NOT_FOUND', { message: '该意见征集不存在' });
  const opinions = (await listConsultationOpinions(deps.prisma, consultationId)).map(toStaffOpinion);
  return { ...toDetail(row, { now: deps.now(), urls: deps.files.urls }), opinions, unansweredCount: opinions.filter((opinion) => opinion.status === 'SUBMITTED').length };
}

export async function listStaffConsultations(deps: ConsultationDeps, { departmentId }: { departmentId: string }): Promise<StaffConsultationListResponse> {
  const now = deps.now();
  const rows = await listDepartmentConsultations(deps.prisma, departmentId);
  return { items: rows.map((row) => ({ ...toListItem(row, now), unansweredCount: row.unanswered })) };
}

export async function createConsultation(deps: ConsultationDeps, actor: StaffActor & { input: unknown }): Promise<StaffConsultation> {
  const input = consultationInputSchema.parse(actor.input);
  const write = await toWrite(deps, input, { staffId: actor.staff.id, consultationId: null });
  const created = await inTransaction(deps.prisma, async (tx) => {
    const consultation = await insertConsultation(tx, actor.departmentId, write);
    await writeAudit(tx, {
      actorUserId: actor.staff.id, actorRole: actingRole(actor.staff, actor.departmentId), action: 'CONSULTATION_CREATED', entityType: 'Consultation', entityId: consultation.id,
      after: { status: 'DRAFT', title: write.title, startsAt: write.startsAt.toISOString(), endsAt: write.endsAt.toISOString(), sections: write.sections.length }, reason: write.shortenedReason ?? undefined, requestId: actor.requestId,
    });
    return consultation;
  });
  return getStaffConsultation(deps, { departmentId: actor.departmentId, consultationId: created.id });
}

export async function updateConsultation(deps: ConsultationDeps, actor: StaffActor & { consultationId: string; input: unknown }): Promise<StaffConsultation> {
  const current = await loadOwnConsultation(deps.prisma, actor);
  assertState(current.status, ['DRAFT'], '征集已开始，不能再修改征集稿');
  const input = consultationInputSchema.parse(actor.input);
  const write = await toWrite(deps, input, { staffId: actor.staff.id, consultationId: actor.consultationId });
  await inTransaction(deps.prisma, async (tx) => {
    if (!(await replaceDraft(tx, actor.consultationId, write))) throw new AppError('ILLEGAL_TRANSITION', { message: '征集已开始，不能再修改征集稿' });
    await writeAudit(tx, {
      actorUserId: actor.staff.id, actorRole: actingRole(actor.staff, actor.departmentId), action: 'CONSULTATION_EDITED', entityType: 'Consultation', entityId: actor.consultationId,
      before: { title: current.title, startsAt: current.startsAt.toISOString(), endsAt: current.endsAt.toISOString() },
      after: { title: write.title, startsAt: write.startsAt.toISOString(), endsAt: write.endsAt.toISOString(), sections: write.sections.length }, requestId: actor.requestId,
    });
  });
  return getStaffConsultation(deps, actor);
}
