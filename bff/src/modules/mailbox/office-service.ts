import { notAcceptedReasonLabels, type NotAcceptedReason, type SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { MailboxDeps } from './deps';
import { mergedDuplicateReason, mergedTargetReason } from './letter-views';
import { notifyResident, notifyStaff } from './notices';
import { appendLetterEvent, findActiveDepartment, findLetterForAccess, type LockedLetter } from './repository';
import { officeActor, type StaffActor } from './staff-access';
import { closeOpenSupplement, decideExtension, endAssignment, findCurrentAssignment, findMergeTarget, findPendingExtension, insertAssignment, reviewSubmittedReply } from './staff-repository';
import { applyLetterTransition } from './transitions';

/**
 * The office (信箱受理员) of the mailbox's owning department: accept or not, assign and re-assign,
 * review replies and extension requests, merge duplicates. Every step locks the letter, checks
 * its state, and writes event + audit + notifications in one transaction.
 */
type OfficeInput = { user: SessionUser; letterId: string; requestId: string };

async function asOffice(deps: MailboxDeps, { user, letterId }: OfficeInput): Promise<{ actor: StaffActor; letter: LockedLetter }> {
  const letter = await findLetterForAccess(deps.prisma, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  return { actor: officeActor(user, letter.ownerDepartmentId), letter };
}

export async function acceptLetter(deps: MailboxDeps, input: OfficeInput): Promise<void> {
  const { actor } = await asOffice(deps, input);
  const settings = await deps.settings.read();
  const calendar = await deps.calendar.current();
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    let replyDueAt = now;
    const { letter } = await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'ACCEPT', actor, requestId: input.requestId,
      patch: (row) => {
        replyDueAt = calendar.addWorkingDays(now, row.mailbox.promisedDays ?? settings.replyWorkingDays);
        return { acceptedAt: now, replyDueAt };
      },
    });
    await notifyResident(tx, { letter, residentId: letter.residentId, event: 'LETTER_ACCEPTED', extra: { acceptedAt: now, dueAt: replyDueAt }, tag: 'accept' });
  });
}

export async function notAcceptLetter(deps: MailboxDeps, input: OfficeInput & { reasonCode: NotAcceptedReason; text: string }): Promise<void> {
  const { actor } = await asOffice(deps, input);
  const label = notAcceptedReasonLabels[input.reasonCode];
  if (input.reasonCode === 'OTHER' && input.text.length < 2) throw new AppError('VALIDATION_FAILED', { message: '请填写不予受理的具体原因' });
  const reason = input.text ? `${label}：${input.text}` : label;
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter } = await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'NOT_ACCEPT', actor, reason, requestId: input.requestId, data: { reasonCode: input.reasonCode },
      patch: { notAcceptedReason: reason, closedAt: now, isAwaitingSupplement: false, clockPausedAt: null },
    });
    await closeOpenSupplement(tx, { letterId: input.letterId, response: null, at: now });
    await notifyResident(tx, { letter, residentId: letter.residentId, event: 'LETTER_NOT_ACCEPTED', extra: { reason, decidedAt: now }, tag: 'decision' });
  });
}

/** First assignment (from 已受理 or after a department returned it) or a re-assignment with a reason. */
export async function assignLetter(deps: MailboxDeps, input: OfficeInput & { departmentId: string; instructions?: string; reason?: string; isReassign: boolean }): Promise<void> {
  const { actor } = await asOffice(deps, input);
  const department = await findActiveDepartment(deps.prisma, input.departmentId);
  if (!department) throw new AppError('VALIDATION_FAILED', { message: '承办部门不存在或已停用' });
  const settings = await deps.settings.read();
  const calendar = await deps.calendar.current();
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter } = await applyLetterTransition(tx, {
      letterId: input.letterId, action: input.isReassign ? 'REASSIGN' : 'ASSIGN', actor, reason: input.reason, requestId: input.requestId,
      data: { departmentId: department.id, departmentName: department.name },
      guard: (row) => {
        if (input.isReassign && row.departmentId === department.id) throw new AppError('CONFLICT', { message: '该来信已由这个部门办理' });
      },
      patch: { departmentId: department.id, assignedAt: now },
    });
    const current = await findCurrentAssignment(tx, input.letterId);
    if (current) await endAssignment(tx, current.id, { endedAt: now });
    await insertAssignment(tx, {
      letterId: input.letterId, departmentId: department.id, assignedById: actor.userId, reason: input.reason, instructions: input.instructions,
      returnDueAt: calendar.addWorkingDays(now, settings.returnWorkingDays),
    });
    await notifyStaff(tx, { letter, departmentId: department.id, role: 'DEPARTMENT_HANDLER', event: 'LETTER_ASSIGNED', extra: { departmentName: department.name, dueAt: letter.replyDueAt ?? now }, tag: `assign-${now.getTime()}` });
  });
}

export async function reviewReply(deps: MailboxDeps, input: OfficeInput & { decision: 'APPROVE' | 'SEND_BACK'; comment?: string }): Promise<void> {
  const { actor } = await asOffice(deps, input);
  const settings = await deps.settings.read();
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    if (input.decision === 'SEND_BACK') {
      const { letter } = await applyLetterTransition(tx, { letterId: input.letterId, action: 'SEND_BACK_REPLY', actor, reason: input.comment, requestId: input.requestId });
      await reviewSubmittedReply(tx, { letterId: input.letterId, status: 'SENT_BACK', reviewedById: actor.userId, comment: input.comment ?? null, at: now });
      if (letter.departmentId) {
        await notifyStaff(tx, { letter, departmentId: letter.departmentId, role: 'DEPARTMENT_HANDLER', event: 'LETTER_SENT_BACK', extra: { comment: input.comment ?? '请按审核意见修改', sentBackAt: now }, tag: `sendback-${now.getTime()}` });
      }
      return;
    }
    const { letter } = await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'APPROVE_REPLY', actor, requestId: input.requestId,
      patch: { repliedAt: now, rateDueAt: new Date(now.getTime() + settings.rateDays * 24 * 3600_000) },
    });
    const reply = await reviewSubmittedReply(tx, { letterId: input.letterId, status: 'APPROVED', reviewedById: actor.userId, comment: input.comment ?? null, at: now });
    await notifyResident(tx, { letter, residentId: letter.residentId, event: 'LETTER_REPLIED', extra: { departmentName: reply?.department.name ?? '', repliedAt: now }, tag: `reply-${letter.reopenedCount + 1}` });
  });
}

/** The one extension a department may ask for: approved, the reply deadline moves and the resident is told. */
export async function reviewExtension(deps: MailboxDeps, input: OfficeInput & { decision: 'APPROVE' | 'REJECT'; comment?: string }): Promise<void> {
  const { actor } = await asOffice(deps, input);
  const calendar = await deps.calendar.current();
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const pending = await findPendingExtension(tx, input.letterId);
    if (!pending) throw new AppError('ILLEGAL_TRANSITION', { message: '这封来信没有待审批的延期申请' });
    if (input.decision === 'REJECT') {
      await applyLetterTransition(tx, { letterId: input.letterId, action: 'REJECT_EXTENSION', actor, reason: input.comment, requestId: input.requestId });
      await decideExtension(tx, pending.id, { status: 'REJECTED', reviewedById: actor.userId, reviewedAt: now, reviewComment: input.comment ?? null });
      return;
    }
    let previous: Date | null = null;
    let next = now;
    const { letter } = await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'APPROVE_EXTENSION', actor, reason: pending.reason, requestId: input.requestId, data: { days: pending.days },
      patch: (row) => {
        previous = row.replyDueAt;
        next = calendar.addWorkingDays(row.replyDueAt ?? now, pending.days);
        return { replyDueAt: next, extensionDays: row.extensionDays + pending.days };
      },
    });
    await decideExtension(tx, pending.id, { status: 'APPROVED', reviewedById: actor.userId, reviewedAt: now, reviewComment: input.comment ?? null, previousReplyDueAt: previous, newReplyDueAt: next });
    await notifyResident(tx, { letter, residentId: letter.residentId, event: 'LETTER_EXTENDED', extra: { newDueAt: next, reason: pending.reason, extendedAt: now }, tag: 'extension' });
  });
}

/**
 * A duplicate joins an open letter of the same office: it ends as 不予受理 (重复) pointing at the
 * letter that will be answered. Its writer is told it was merged, never the other letter's
 * tracking code (staff see the codes, kept in the events' data).
 */
export async function mergeLetter(deps: MailboxDeps, input: OfficeInput & { intoLetterId: string }): Promise<void> {
  const { actor, letter: duplicate } = await asOffice(deps, input);
  const target = await findMergeTarget(deps.prisma, input.intoLetterId);
  if (!target || target.id === duplicate.id) throw new AppError('VALIDATION_FAILED', { message: '请选择另一封要合并到的来信' });
  if (target.ownerDepartmentId !== duplicate.ownerDepartmentId) throw new AppError('FORBIDDEN', { message: '只能合并本信箱的来信' });
  if (target.mergedIntoId || target.status === 'NOT_ACCEPTED' || target.status === 'CLOSED') throw new AppError('ILLEGAL_TRANSITION', { message: '只能合并到仍在办理的来信' });
  // The writer is told that, not which letter: another resident's tracking code never reaches them.
  const reason = mergedDuplicateReason;
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter } = await applyLetterTransition(tx, {
      letterId: duplicate.id, action: 'MERGE', actor, reason, requestId: input.requestId, data: { intoLetterId: target.id, intoTrackingCode: target.trackingCode },
      patch: { mergedIntoId: target.id, notAcceptedReason: reason, closedAt: now, isAwaitingSupplement: false, clockPausedAt: null },
    });
    await closeOpenSupplement(tx, { letterId: duplicate.id, response: null, at: now });
    await appendLetterEvent(tx, {
      letterId: target.id, action: 'MERGE', fromStatus: target.status, toStatus: target.status, actorType: 'STAFF', actorUserId: actor.userId, actorRole: actor.role,
      reason: mergedTargetReason, data: { mergedLetterId: duplicate.id, mergedTrackingCode: duplicate.trackingCode },
    });
    await notifyResident(tx, { letter, residentId: letter.residentId, event: 'LETTER_NOT_ACCEPTED', extra: { reason, decidedAt: now }, tag: 'decision' });
  });
}
