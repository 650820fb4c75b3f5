import type { Prisma } from '@govpocket/db';
import type { StaffConsultation } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { ConsultationDeps } from './deps';
import { getStaffConsultation } from './draft-service';
import { listConsultationOpinions, upsertOutcome, type OutcomeWrite, type StaffOpinionRow } from './opinion-repository';
import { lockInState } from './repository';
import { actingRole, assertState, loadOwnConsultation, type StaffActor } from './staff-access';

/**
 * The department answers each opinion after the close, privately: ADOPTED / PARTIALLY_ADOPTED /
 * NOT_ADOPTED (a reason is required) / MERGED (into another opinion of the same consultation).
 * Residents see nothing until the feedback is published.
 */
export type AnswerInput = OutcomeWrite;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] });

/** Checks one answer against the consultation's opinions; `answering` are the ids being answered now. */
export function validateAnswer(answer: AnswerInput, { opinions, answering }: { opinions: StaffOpinionRow[]; answering: string[] }): OutcomeWrite {
  if (answer.outcome === 'NOT_ADOPTED' && !answer.reason) throw invalid('reason', '不予采纳的意见须说明理由');
  if (answer.outcome !== 'MERGED') return { ...answer, mergedIntoOpinionId: null };
  if (!answer.mergedIntoOpinionId) throw invalid('mergedIntoOpinionId', '合并处理须指明合并到哪一条意见');
  const target = opinions.find((opinion) => opinion.id === answer.mergedIntoOpinionId);
  if (!target) throw invalid('mergedIntoOpinionId', '合并的目标意见不属于本次征集');
  if (answering.includes(target.id)) throw invalid('mergedIntoOpinionId', '意见不能合并到自身');
  if (target.outcome?.outcome === 'MERGED') throw invalid('mergedIntoOpinionId', '目标意见本身已被合并，请合并到其最终处理的意见');
  return answer;
}

/** Writes answers inside the caller's transaction, one audit row per opinion. */
export async function writeAnswers(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  { opinions, answers, publishedAt, action }: { opinions: StaffOpinionRow[]; answers: Array<{ opinionId: string; answer: OutcomeWrite }>; publishedAt: Date | null; action: string },
): Promise<void> {
  for (const { opinionId, answer } of answers) {
    const before = opinions.find((opinion) => opinion.id === opinionId)?.outcome ?? null;
    await upsertOutcome(tx, { opinionId, answeredById: actor.staff.id, answer, publishedAt });
    await writeAudit(tx, {
      actorUserId: actor.staff.id, actorRole: actingRole(actor.staff, actor.departmentId), action, entityType: 'Opinion', entityId: opinionId,
      before: before ? { outcome: before.outcome, reason: before.reason, mergedIntoOpinionId: before.mergedIntoOpinionId } : { outcome: null },
      after: { outcome: answer.outcome, reason: answer.reason, summary: answer.summary, mergedIntoOpinionId: answer.mergedIntoOpinionId }, requestId: actor.requestId,
    });
  }
}

export async function answerOpinions(deps: ConsultationDeps, actor: StaffActor & { consultationId: string; opinionIds: string[]; answer: AnswerInput }): Promise<StaffConsultation> {
  const consultation = await loadOwnConsultation(deps.prisma, actor);
  assertState(consultation.status, ['CLOSED']);
  const opinionIds = [...new Set(actor.opinionIds)];
  const opinions = await listConsultationOpinions(deps.prisma, actor.consultationId);
  const unknown = opinionIds.find((id) => !opinions.some((opinion) => opinion.id === id));
  if (unknown) throw new AppError('NOT_FOUND', { message: '意见不存在或不属于本次征集' });
  const answer = validateAnswer(actor.answer, { opinions, answering: opinionIds });
  await inTransaction(deps.prisma, async (tx) => {
    // Locks the row in its state: a publish that won the race leaves nothing to draft.
    if (!(await lockInState(tx, { id: actor.consultationId, status: 'CLOSED' }))) throw new AppError('ILLEGAL_TRANSITION', { message: '采纳情况反馈已发布，如需修改请发布更正' });
    await writeAnswers(tx, actor, { opinions, answers: opinionIds.map((opinionId) => ({ opinionId, answer })), publishedAt: null, action: 'OPINION_ANSWERED' });
  });
  return getStaffConsultation(deps, actor);
}
