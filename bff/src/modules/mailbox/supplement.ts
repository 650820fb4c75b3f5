import type { SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { MailboxDeps } from './deps';
import { notifyResident, notifyStaff } from './notices';
import { findLetterForAccess } from './repository';
import { officeActor } from './staff-access';
import { closeOpenSupplement, insertSupplementRequest } from './staff-repository';
import { applyLetterTransition, type LetterActor } from './transitions';

/**
 * 补充材料: the office asks the resident for more information and the letter's clock stops; when
 * the resident answers, the working time spent waiting is added to the open deadline (accepting
 * or replying), so the office and the department lose nothing to the wait.
 */
export async function requestSupplement(deps: MailboxDeps, { user, letterId, request, requestId }: { user: SessionUser; letterId: string; request: string; requestId: string }): Promise<void> {
  const found = await findLetterForAccess(deps.prisma, letterId);
  if (!found) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const actor = officeActor(user, found.ownerDepartmentId);
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter } = await applyLetterTransition(tx, {
      letterId, action: 'REQUEST_SUPPLEMENT', actor, reason: request, requestId,
      patch: { isAwaitingSupplement: true, clockPausedAt: now },
    });
    await insertSupplementRequest(tx, { letterId, requestedById: actor.userId, request });
    await notifyResident(tx, { letter, residentId: letter.residentId, event: 'LETTER_SUPPLEMENT_REQUESTED', extra: { request, requestedAt: now }, tag: String(now.getTime()) });
  });
}

export async function answerSupplement(
  deps: MailboxDeps,
  { letterId, response, actor, requestId }: { letterId: string; response: string; actor: LetterActor; requestId: string },
): Promise<void> {
  const now = deps.now();
  const calendar = await deps.calendar.current();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter } = await applyLetterTransition(tx, {
      letterId, action: 'SUPPLEMENT', actor, requestId,
      guard: (row) => {
        if (!row.isAwaitingSupplement) throw new AppError('ILLEGAL_TRANSITION', { message: '这封来信目前不需要补充材料' });
      },
      patch: (row) => {
        const waitedMs = row.clockPausedAt ? calendar.workingTimeBetween(row.clockPausedAt, now) : 0;
        const isAcceptClock = row.status === 'SUBMITTED';
        return {
          isAwaitingSupplement: false, clockPausedAt: null, pausedWorkingSeconds: row.pausedWorkingSeconds + Math.round(waitedMs / 1000),
          ...(isAcceptClock ? { acceptDueAt: calendar.addWorkingTime(row.acceptDueAt, waitedMs) } : {}),
          ...(!isAcceptClock && row.replyDueAt ? { replyDueAt: calendar.addWorkingTime(row.replyDueAt, waitedMs) } : {}),
        };
      },
    });
    await closeOpenSupplement(tx, { letterId, response, at: now });
    // Whoever's clock was stopped waits for the answer: the office before acceptance, else the department.
    const waiting = letter.status === 'SUBMITTED' || !letter.departmentId
      ? { departmentId: letter.ownerDepartmentId, role: 'MAILBOX_OFFICE' as const }
      : { departmentId: letter.departmentId, role: 'DEPARTMENT_HANDLER' as const };
    await notifyStaff(tx, { letter, ...waiting, event: 'LETTER_SUPPLEMENTED', extra: { answeredAt: now }, tag: `supplement-${now.getTime()}` });
  });
}
