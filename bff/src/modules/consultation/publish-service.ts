import type { Prisma } from '@govpocket/db';
import { feedbackReportBodySchema, opinionOutcomeKindLabels, type FeedbackReport, type OpinionOutcomeKind } from '@govpocket/shared';
import { correctFeedbackRequestSchema, pageLinks } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import { enqueueNotification } from '../notification';
import { validateAnswer, writeAnswers } from './answer-service';
import type { ConsultationDeps } from './deps';
import { buildFeedbackReport, reportHeadline } from './feedback-report';
import { countUnanswered, findReport, insertReport, latestReportVersion, listConsultationOpinions, listReportVersions, publishOutcomes, type StaffOpinionRow } from './opinion-repository';
import { findConsultationDetail, findConsultationState, lockInState, transitionConsultation } from './repository';
import { actingRole, assertState, loadOwnConsultation, type StaffActor } from './staff-access';

/**
 * Publishing the 采纳情况反馈: every answer becomes visible at once, a stored report version is
 * written, and each contributor is told their outcome exactly once (one message per person per
 * consultation, deduplicated). A correction afterwards writes the next version; earlier versions
 * stay readable and nobody is notified twice.
 */

export function consultationLink(consultationId: string): string {
  return pageLinks.consultation(consultationId);
}

function outcomeText(kinds: OpinionOutcomeKind[]): string {
  if (kinds.length === 1 && kinds[0]) return opinionOutcomeKindLabels[kinds[0]];
  const counts = new Map<OpinionOutcomeKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${opinionOutcomeKindLabels[kind]}${count}条`).join('、');
}

async function writeReportVersion(
  tx: Prisma.TransactionClient,
  { consultationId, explanation, staffId, at }: { consultationId: string; explanation: string; staffId: string; at: Date },
): Promise<{ version: number; totals: ReturnType<typeof buildFeedbackReport>['totals'] }> {
  const consultation = await findConsultationDetail(tx, consultationId);
  if (!consultation) throw new AppError('NOT_FOUND');
  const opinions = await listConsultationOpinions(tx, consultationId);
  const report = buildFeedbackReport(opinions, consultation.sections.map((section) => section.number));
  const version = (await latestReportVersion(tx, consultationId)) + 1;
  await insertReport(tx, {
    consultationId,
    version,
    report: { ...report, consultationId, title: consultation.title, department: consultation.department.name, publishedAt: at.toISOString(), headline: reportHeadline(report.totals) },
    summary: explanation,
    publishedById: staffId,
    publishedAt: at,
  });
  return { version, totals: report.totals };
}

async function notifyContributors(tx: Prisma.TransactionClient, { consultationId, title, opinions, at }: { consultationId: string; title: string; opinions: StaffOpinionRow[]; at: Date }): Promise<void> {
  const byUser = new Map<string, OpinionOutcomeKind[]>();
  for (const opinion of opinions) if (opinion.outcome) byUser.set(opinion.userId, [...(byUser.get(opinion.userId) ?? []), opinion.outcome.outcome]);
  for (const [userId, kinds] of byUser) {
    await enqueueNotification(tx, {
      userId,
      event: 'OPINION_OUTCOME_PUBLISHED',
      payload: { consultationId, consultationTitle: title, outcomeText: outcomeText(kinds), publishedAt: at, link: consultationLink(consultationId) },
      dedupeKey: `OPINION_OUTCOME_PUBLISHED:${consultationId}:${userId}`,
    });
  }
}

export async function publishFeedback(deps: ConsultationDeps, actor: StaffActor & { consultationId: string; explanation: string }): Promise<FeedbackReport> {
  const consultation = await loadOwnConsultation(deps.prisma, actor);
  assertState(consultation.status, ['CLOSED']);
  const at = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    if (!(await lockInState(tx, { id: actor.consultationId, status: 'CLOSED' }))) throw new AppError('ILLEGAL_TRANSITION', { message: '采纳情况反馈已发布，不能重复发布' });
    const unanswered = await countUnanswered(tx, actor.consultationId);
    if (unanswered > 0) throw new AppError('ILLEGAL_TRANSITION', { message: `还有${unanswered}条意见未答复，全部答复后才能发布`, details: { unanswered } });
    await publishOutcomes(tx, { consultationId: actor.consultationId, at });
    if (!(await transitionConsultation(tx, { id: actor.consultationId, from: 'CLOSED', to: 'FEEDBACK_PUBLISHED', at }))) throw new AppError('ILLEGAL_TRANSITION');
    const { version, totals } = await writeReportVersion(tx, { consultationId: actor.consultationId, explanation: actor.explanation, staffId: actor.staff.id, at });
    const opinions = await listConsultationOpinions(tx, actor.consultationId);
    await notifyContributors(tx, { consultationId: actor.consultationId, title: consultation.title, opinions, at });
    await writeAudit(tx, {
      actorUserId: actor.staff.id, actorRole: actingRole(actor.staff, actor.departmentId), action: 'CONSULTATION_FEEDBACK_PUBLISHED', entityType: 'Consultation', entityId: actor.consultationId,
      before: { status: 'CLOSED' }, after: { status: 'FEEDBACK_PUBLISHED', version, totals }, requestId: actor.requestId,
    });
  });
  return getFeedbackReport(deps, { consultationId: actor.consultationId });
}

export async function correctFeedback(deps: ConsultationDeps, actor: StaffActor & { consultationId: string; request: unknown }): Promise<FeedbackReport> {
  const consultation = await loadOwnConsultation(deps.prisma, actor);
  assertState(consultation.status, ['FEEDBACK_PUBLISHED'], '采纳情况反馈尚未发布，请直接修改答复后发布');
  const { explanation, changes } = correctFeedbackRequestSchema.parse(actor.request);
  const opinions = await listConsultationOpinions(deps.prisma, actor.consultationId);
  const answers = changes.map(({ opinionId, ...answer }, index) => {
    if (!opinions.some((opinion) => opinion.id === opinionId)) throw new AppError('NOT_FOUND', { message: `第${index + 1}项更正的意见不属于本次征集` });
    return { opinionId, answer: validateAnswer(answer, { opinions, answering: [opinionId] }) };
  });
  const at = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    if (!(await lockInState(tx, { id: actor.consultationId, status: 'FEEDBACK_PUBLISHED' }))) throw new AppError('ILLEGAL_TRANSITION');
    await writeAnswers(tx, actor, { opinions, answers, publishedAt: at, action: 'OPINION_ANSWER_CORRECTED' });
    const { version, totals } = await writeReportVersion(tx, { consultationId: actor.consultationId, explanation, staffId: actor.staff.id, at });
    await writeAudit(tx, {
      actorUserId: actor.staff.id, actorRole: actingRole(actor.staff, actor.departmentId), action: 'CONSULTATION_FEEDBACK_CORRECTED', entityType: 'Consultation', entityId: actor.consultationId,
      after: { version, totals, changed: answers.map((answer) => answer.opinionId) }, reason: explanation, requestId: actor.requestId,
    });
  });
  return getFeedbackReport(deps, { consultationId: actor.consultationId });
}

/** The published report, latest version unless one is asked for; earlier versions stay readable. */
export async function getFeedbackReport(deps: Pick<ConsultationDeps, 'prisma'>, { consultationId, version }: { consultationId: string; version?: number }): Promise<FeedbackReport> {
  const consultation = await findConsultationState(deps.prisma, consultationId);
  const stored = consultation && consultation.status === 'FEEDBACK_PUBLISHED' ? await findReport(deps.prisma, { consultationId, version }) : null;
  if (!consultation || !stored) throw new AppError('NOT_FOUND', { message: version === undefined ? '采纳情况反馈尚未发布' : '该版本的采纳情况反馈不存在' });
  return {
    consultation: { id: consultation.id, title: consultation.title, departmentName: consultation.department.name },
    version: stored.version,
    publishedAt: stored.publishedAt.toISOString(),
    explanation: stored.summary,
    report: feedbackReportBodySchema.parse(stored.report),
    versions: (await listReportVersions(deps.prisma, consultationId)).map((row) => ({ version: row.version, publishedAt: row.publishedAt.toISOString() })),
  };
}
