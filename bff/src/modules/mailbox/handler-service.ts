import type { SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { MailboxDeps } from './deps';
import { notifyStaff } from './notices';
import { findDepartmentName, findLetterForAccess, type LockedLetter } from './repository';
import { handlerActor, type StaffActor } from './staff-access';
import { countExtensions, endAssignment, findCurrentAssignment, findWorkingReply, insertExtension, saveReply } from './staff-repository';
import { applyLetterTransition, illegalLetterTransition } from './transitions';

/**
 * The department handler (承办人): draft and submit the reply, ask once for an extension, return a
 * wrongly assigned letter within the return window. Scope is the letter's current department.
 */
type HandlerInput = { user: SessionUser; letterId: string; requestId: string };

async function asHandler(deps: MailboxDeps, { user, letterId }: HandlerInput): Promise<{ actor: StaffActor; letter: LockedLetter; departmentId: string }> {
  const letter = await findLetterForAccess(deps.prisma, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const actor = handlerActor(user, letter.departmentId);
  if (!letter.departmentId) throw illegalLetterTransition('DRAFT_REPLY', letter.status);
  return { actor, letter, departmentId: letter.departmentId };
}

/** Saves the draft; with isSubmitted the reply goes to the office for review (待审核). */
export async function draftReply(deps: MailboxDeps, input: HandlerInput & { body: string; isSubmitted: boolean }): Promise<void> {
  const { actor, letter, departmentId } = await asHandler(deps, input);
  const now = deps.now();
  const round = letter.reopenedCount + 1;
  await inTransaction(deps.prisma, async (tx) => {
    const sameDepartment = (row: LockedLetter): void => {
      if (row.departmentId !== departmentId) throw new AppError('CONFLICT', { message: '该来信已转其他部门办理' });
    };
    if (input.isSubmitted) {
      await applyLetterTransition(tx, { letterId: letter.id, action: 'DRAFT_REPLY', actor, requestId: input.requestId, guard: sameDepartment, data: { round } });
      const departmentName = (await findDepartmentName(tx, departmentId)) ?? '';
      await notifyStaff(tx, { letter, departmentId: letter.ownerDepartmentId, role: 'MAILBOX_OFFICE', event: 'LETTER_REPLY_SUBMITTED', extra: { departmentName, submittedAt: now }, tag: `reply-${now.getTime()}` });
    } else if (letter.status !== 'ASSIGNED' && letter.status !== 'REOPENED') {
      throw illegalLetterTransition('DRAFT_REPLY', letter.status);
    }
    const working = await findWorkingReply(tx, { letterId: letter.id, round });
    await saveReply(tx, { id: working?.id ?? null, letterId: letter.id, round, departmentId, draftedById: actor.userId, body: input.body, isSubmitted: input.isSubmitted, at: now });
  });
}

export async function requestExtension(deps: MailboxDeps, input: HandlerInput & { days: number; reason: string }): Promise<void> {
  const { actor, letter, departmentId } = await asHandler(deps, input);
  const settings = await deps.settings.read();
  if (input.days > settings.extensionMaxWorkingDays) throw new AppError('VALIDATION_FAILED', { message: `延期最多${settings.extensionMaxWorkingDays}个工作日` });
  await inTransaction(deps.prisma, async (tx) => {
    await applyLetterTransition(tx, {
      letterId: letter.id, action: 'REQUEST_EXTENSION', actor, reason: input.reason, requestId: input.requestId, data: { days: input.days },
      guard: (row) => {
        if (row.departmentId !== departmentId) throw new AppError('CONFLICT', { message: '该来信已转其他部门办理' });
      },
    });
    // Inside the row lock: two handlers asking at once still make one request.
    if ((await countExtensions(tx, letter.id, ['PENDING', 'APPROVED', 'REJECTED'])) > 0) throw new AppError('ILLEGAL_TRANSITION', { message: '每封来信只能申请一次延期' });
    await insertExtension(tx, { letterId: letter.id, departmentId, requestedById: actor.userId, days: input.days, reason: input.reason });
    const departmentName = (await tx.department.findUnique({ where: { id: departmentId }, select: { name: true } }))?.name ?? '';
    await notifyStaff(tx, {
      letter, departmentId: letter.ownerDepartmentId, role: 'MAILBOX_OFFICE', event: 'LETTER_EXTENSION_REQUESTED',
      extra: { departmentName, days: input.days, reason: input.reason, requestedAt: deps.now() }, tag: 'extension-request',
    });
  });
}

/** Back to the office within the return window (1 working day after assignment by default). */
export async function returnLetter(deps: MailboxDeps, input: HandlerInput & { reason: string }): Promise<void> {
  const { actor, letter, departmentId } = await asHandler(deps, input);
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const assignment = await findCurrentAssignment(tx, letter.id);
    await applyLetterTransition(tx, {
      letterId: letter.id, action: 'RETURN', actor, reason: input.reason, requestId: input.requestId,
      guard: (row) => {
        if (row.departmentId !== departmentId) throw new AppError('CONFLICT', { message: '该来信已转其他部门办理' });
        if (assignment && assignment.returnDueAt.getTime() < now.getTime()) throw new AppError('ILLEGAL_TRANSITION', { message: '已超过退回时限（转办后1个工作日内），请与信箱受理员联系' });
      },
      patch: { departmentId: null },
    });
    if (assignment) await endAssignment(tx, assignment.id, { endedAt: now, returnedAt: now, returnedById: actor.userId, returnReason: input.reason });
    const departmentName = (await findDepartmentName(tx, departmentId)) ?? '';
    await notifyStaff(tx, { letter, departmentId: letter.ownerDepartmentId, role: 'MAILBOX_OFFICE', event: 'LETTER_RETURNED', extra: { departmentName, reason: input.reason, returnedAt: now }, tag: `return-${now.getTime()}` });
  });
}
