import type { LetterAction, LetterStatus, Prisma } from '@govpocket/db';
import { letterActionLabels, letterStatusLabels, type Role } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { appendLetterEvent, lockLetter, updateLetter, type LockedLetter } from './repository';

/**
 * The letter workflow of domain.md §3. Each action names the states it may start from and where
 * it leads ('SAME' keeps the status: extensions, supplements, notes on the record, publishing).
 * The row is locked (SELECT … FOR UPDATE) and checked before anything changes, so two staff
 * members, or a worker and a resident, racing on one letter cannot both win. The status change,
 * the LetterEvent and the AuditLog row are written in the caller's transaction, together with
 * whatever notifications the caller enqueues.
 */
type Target = LetterStatus | 'SAME' | ((letter: LockedLetter) => LetterStatus);
type Rule = { from: readonly LetterStatus[]; to: Target; isBlockedWhilePaused?: boolean };

const handling = (letter: LockedLetter): LetterStatus => (letter.reopenedCount > 0 ? 'REOPENED' : 'ASSIGNED');

export const letterTransitions: Record<LetterAction, Rule> = {
  SUBMIT: { from: [], to: 'SUBMITTED' },
  ACCEPT: { from: ['SUBMITTED'], to: 'ACCEPTED', isBlockedWhilePaused: true },
  NOT_ACCEPT: { from: ['SUBMITTED'], to: 'NOT_ACCEPTED' },
  MERGE: { from: ['SUBMITTED', 'ACCEPTED'], to: 'NOT_ACCEPTED' },
  ASSIGN: { from: ['ACCEPTED', 'RETURNED'], to: 'ASSIGNED', isBlockedWhilePaused: true },
  REASSIGN: { from: ['ASSIGNED'], to: 'ASSIGNED' },
  RETURN: { from: ['ASSIGNED'], to: 'RETURNED' },
  DRAFT_REPLY: { from: ['ASSIGNED', 'REOPENED'], to: 'REPLY_DRAFTED', isBlockedWhilePaused: true },
  SEND_BACK_REPLY: { from: ['REPLY_DRAFTED'], to: handling },
  APPROVE_REPLY: { from: ['REPLY_DRAFTED'], to: 'REPLIED' },
  REQUEST_SUPPLEMENT: { from: ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'RETURNED', 'REOPENED'], to: 'SAME', isBlockedWhilePaused: true },
  SUPPLEMENT: { from: ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'RETURNED', 'REOPENED'], to: 'SAME' },
  REQUEST_EXTENSION: { from: ['ASSIGNED', 'REOPENED'], to: 'SAME' },
  APPROVE_EXTENSION: { from: ['ASSIGNED', 'REOPENED', 'REPLY_DRAFTED'], to: 'SAME' },
  REJECT_EXTENSION: { from: ['ASSIGNED', 'REOPENED', 'REPLY_DRAFTED'], to: 'SAME' },
  RATE: { from: ['REPLIED'], to: 'SAME' },
  CLOSE: { from: ['REPLIED'], to: 'CLOSED' },
  REOPEN: { from: ['REPLIED'], to: 'REOPENED' },
  PUBLISH: { from: ['CLOSED'], to: 'SAME' },
  UNPUBLISH: { from: ['CLOSED'], to: 'SAME' },
  EDIT_PUBLIC_TEXT: { from: ['CLOSED'], to: 'SAME' },
};

/** Statuses in which the letter sits on its department's desk (the handler list). */
export const openInDepartment: readonly LetterStatus[] = ['ASSIGNED', 'REOPENED', 'REPLY_DRAFTED'];

export function illegalLetterTransition(action: LetterAction, status: LetterStatus): AppError {
  return new AppError('ILLEGAL_TRANSITION', {
    message: `该来信当前为「${letterStatusLabels[status]}」，不能${letterActionLabels[action]}`,
    details: { status, action },
  });
}

export type LetterActor = { type: 'RESIDENT' | 'STAFF' | 'SYSTEM'; userId: string | null; role: Role | null };

export type LetterTransitionInput = {
  letterId: string;
  action: LetterAction;
  actor: LetterActor;
  /** Extra checks on the locked row (scope, deadlines, flags); throw to refuse. */
  guard?: (letter: LockedLetter) => void;
  /** Columns to set with the status; may depend on the locked row. */
  patch?: Prisma.LetterUncheckedUpdateManyInput | ((letter: LockedLetter) => Prisma.LetterUncheckedUpdateManyInput);
  reason?: string;
  data?: Prisma.InputJsonValue;
  requestId?: string;
};

export async function applyLetterTransition(tx: Prisma.TransactionClient, input: LetterTransitionInput): Promise<{ letter: LockedLetter; from: LetterStatus; to: LetterStatus }> {
  const { letterId, action, actor } = input;
  const rule = letterTransitions[action];
  const letter = await lockLetter(tx, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  input.guard?.(letter);
  if (!rule.from.includes(letter.status)) throw illegalLetterTransition(action, letter.status);
  if (rule.isBlockedWhilePaused && letter.isAwaitingSupplement) {
    throw new AppError('ILLEGAL_TRANSITION', { message: `该来信正在等待来信人补充材料，暂不能${letterActionLabels[action]}`, details: { status: letter.status, action } });
  }
  const to = rule.to === 'SAME' ? letter.status : typeof rule.to === 'function' ? rule.to(letter) : rule.to;
  const patch = typeof input.patch === 'function' ? input.patch(letter) : (input.patch ?? {});
  const departmentId = typeof patch.departmentId === 'string' ? patch.departmentId : letter.departmentId;
  await updateLetter(tx, letterId, { ...patch, status: to, openDepartmentId: openInDepartment.includes(to) ? departmentId : null });
  await appendLetterEvent(tx, {
    letterId, action, fromStatus: letter.status, toStatus: to, actorType: actor.type, actorUserId: actor.userId, actorRole: actor.role,
    reason: input.reason ?? null, data: input.data,
  });
  await writeAudit(tx, {
    actorUserId: actor.userId, actorRole: actor.role, action: `LETTER_${action}`, entityType: 'Letter', entityId: letterId,
    before: { status: letter.status }, after: { status: to }, reason: input.reason, requestId: input.requestId,
  });
  return { letter, from: letter.status, to };
}
