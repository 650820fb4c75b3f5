import type { ConsultationStatus } from '@govpocket/db';
import type { ConsultationDetail, ConsultationListQuery, ConsultationListResponse, MyOpinion, SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction, isUniqueViolation } from '../../platform/db/transaction';
import { checkResidentText } from '../content-safety/service';
import type { ConsultationDeps } from './deps';
import { findMyOpinion, findOpenid, findOpinionByKey, insertOpinion, listMyOpinions as listOpinionRows, type MyOpinionRow } from './opinion-repository';
import { findConsultationDetail, listDepartmentsWithConsultations, listPublicConsultations } from './repository';
import { readConsultationSettings } from './settings';
import { isAcceptingOpinions, toDetail, toListItem, toMyOpinion } from './views';

const publicStatuses: ConsultationStatus[] = ['OPEN', 'CLOSED', 'FEEDBACK_PUBLISHED'];

export async function listConsultations(deps: ConsultationDeps, query: ConsultationListQuery): Promise<ConsultationListResponse> {
  const reads = deps.listReads ?? deps.prisma;
  const rows = await listPublicConsultations(reads, { statuses: query.status ? [query.status] : publicStatuses, departmentId: query.departmentId });
  const now = deps.now();
  // Open ones first (soonest to close on top), then awaiting feedback, then finished.
  const rank: Record<string, number> = { OPEN: 0, CLOSED: 1, FEEDBACK_PUBLISHED: 2 };
  const sorted = [...rows].sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3) || (a.status === 'OPEN' ? a.endsAt.getTime() - b.endsAt.getTime() : b.endsAt.getTime() - a.endsAt.getTime()));
  return { items: sorted.map((row) => toListItem(row, now)), departments: await listDepartmentsWithConsultations(reads) };
}

/** A draft is nobody's business but its department's: it does not exist for the public. */
export async function getConsultation(deps: ConsultationDeps, { consultationId }: { consultationId: string }): Promise<ConsultationDetail> {
  const row = await findConsultationDetail(deps.prisma, consultationId);
  if (!row || row.status === 'DRAFT') throw new AppError('NOT_FOUND', { message: '该意见征集不存在' });
  return toDetail(row, { now: deps.now(), urls: deps.files.urls });
}

function sameSubmission(row: MyOpinionRow, { consultationId, sectionId, body }: { consultationId: string; sectionId: string | null; body: string }): boolean {
  return row.consultationId === consultationId && row.sectionId === sectionId && row.body === body;
}

/**
 * A resident's opinion on the whole draft or one section while the consultation is open. The
 * Idempotency-Key makes a retried submit return the stored opinion (200) instead of a second one.
 */
export async function submitOpinion(
  deps: ConsultationDeps,
  { user, consultationId, sectionId, body, idempotencyKey, requestId }: { user: SessionUser; consultationId: string; sectionId: string | null; body: string; idempotencyKey: string; requestId: string },
): Promise<{ isCreated: boolean; opinion: MyOpinion }> {
  const replay = (row: MyOpinionRow) => {
    if (!sameSubmission(row, { consultationId, sectionId, body })) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { isCreated: false, opinion: toMyOpinion(row) };
  };
  const earlier = await findOpinionByKey(deps.prisma, { userId: user.id, idempotencyKey });
  if (earlier) return replay(earlier);

  const settings = await readConsultationSettings(deps.prisma);
  const length = [...body].length;
  if (length < settings.opinionMin || length > settings.opinionMax) {
    throw new AppError('VALIDATION_FAILED', {
      message: `意见内容须为${settings.opinionMin}至${settings.opinionMax}字`,
      details: [{ path: 'body', message: `意见内容须为${settings.opinionMin}至${settings.opinionMax}字，当前${length}字` }],
    });
  }
  // Charged before the content check and the write: those are what a flood would cost.
  await deps.rateLimiter.consume('opinionSubmission', user.id);
  const consultation = await findConsultationDetail(deps.prisma, consultationId);
  if (!consultation || consultation.status === 'DRAFT') throw new AppError('NOT_FOUND', { message: '该意见征集不存在' });
  if (!isAcceptingOpinions(consultation, deps.now())) {
    throw new AppError('ILLEGAL_TRANSITION', { message: consultation.status === 'OPEN' && consultation.startsAt > deps.now() ? '意见征集尚未开始' : '意见征集已结束，不能再提交意见' });
  }
  if (sectionId !== null && !consultation.sections.some((section) => section.id === sectionId)) {
    throw new AppError('VALIDATION_FAILED', { message: '所选条款不属于该征集稿', details: [{ path: 'sectionId', message: '所选条款不属于该征集稿' }] });
  }
  const openid = await findOpenid(deps.prisma, user.id);
  if (!openid) throw new AppError('UNAUTHENTICATED');
  const verdict = await checkResidentText(deps.contentSafety, { text: body, openid, scene: 'FORUM' });

  try {
    const created = await inTransaction(deps.prisma, async (tx) => {
      const opinion = await insertOpinion(tx, { consultationId, sectionId, userId: user.id, idempotencyKey, body, contentCheckStatus: verdict.status, contentCheckTraceId: verdict.traceId });
      const section = consultation.sections.find((candidate) => candidate.id === sectionId);
      await writeAudit(tx, {
        actorUserId: user.id, actorRole: 'RESIDENT', action: 'OPINION_SUBMITTED', entityType: 'Opinion', entityId: opinion.id,
        after: { consultationId, section: section?.number ?? null, contentCheckStatus: verdict.status }, requestId,
      });
      return opinion;
    });
    const row = await findMyOpinion(deps.prisma, { id: created.id, userId: user.id });
    if (!row) throw new AppError('INTERNAL');
    return { isCreated: true, opinion: toMyOpinion(row) };
  } catch (error) {
    // Two concurrent submits with one key: the loser answers with the winner's opinion.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findOpinionByKey(deps.prisma, { userId: user.id, idempotencyKey });
    if (!winner) throw error;
    return replay(winner);
  }
}

export async function listMyOpinions(deps: ConsultationDeps, { userId, consultationId }: { userId: string; consultationId?: string }): Promise<MyOpinion[]> {
  return (await listOpinionRows(deps.prisma, { userId, consultationId })).map(toMyOpinion);
}
