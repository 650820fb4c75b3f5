import { hashPersonal } from '@govpocket/db';
import { letterStatusLabels, type LetterLookupResponse, type LetterSatisfaction, type MailboxView, type ResidentLetter, type LetterSummary } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import { checkResidentText } from '../content-safety/service';
import type { MailboxDeps } from './deps';
import { findResidentContact, findResidentLetter, isOwnLetter, listActiveMailboxes, listResidentLetters } from './letter-repository';
import { findDepartmentName } from './repository';
import { publicTimeline, toLetterSummary, toResidentLetter } from './letter-views';
import { notifyStaff } from './notices';
import { maskIdentifiers, maskLetterForPublication } from './publish-masking';
import { answerSupplement } from './supplement';
import { applyLetterTransition } from './transitions';

/** The resident side: mailboxes, my letters with their timeline, look-up by code, supplements, rating. */

export async function listMailboxes(deps: MailboxDeps): Promise<MailboxView[]> {
  const settings = await deps.settings.read();
  const rows = await listActiveMailboxes(deps.prisma);
  return rows.map((row) => ({
    id: row.id, name: row.name, kind: row.kind, description: row.description, officeName: row.ownerDepartment.name,
    promisedDays: row.promisedDays ?? settings.replyWorkingDays, acceptDays: settings.acceptWorkingDays,
  }));
}

export async function listMyLetters(deps: MailboxDeps, { residentId }: { residentId: string }): Promise<LetterSummary[]> {
  return (await listResidentLetters(deps.prisma, residentId)).map(toLetterSummary);
}

export async function getMyLetter(deps: MailboxDeps, { residentId, letterId }: { residentId: string; letterId: string }): Promise<ResidentLetter> {
  const row = await findResidentLetter(deps.prisma, { id: letterId, residentId });
  if (!row) throw new AppError('NOT_FOUND', { message: '没有找到这封来信' });
  return toResidentLetter(row, { now: deps.now(), urls: deps.files.urls, viewerUserId: residentId });
}

/**
 * Anyone with the tracking code and the last four digits of the contact phone sees the status,
 * the public timeline and the reply; a wrong pair answers exactly like an unknown code.
 */
export async function lookupLetter(deps: MailboxDeps, { trackingCode, phoneLast4, clientKey }: { trackingCode: string; phoneLast4: string; clientKey: string }): Promise<LetterLookupResponse['letter']> {
  // Failures count, per client address and per tracking code: the 10 000 phone endings of one
  // letter cannot be tried from many addresses, and residents behind one NAT address do not lock
  // each other out by finding their own letters.
  const row = await deps.rateLimiter.limitFailures([['letterLookup', clientKey], ['letterLookupCode', trackingCode.toUpperCase()]], async () => {
    const found = await findResidentLetter(deps.prisma, { trackingCode });
    if (!found || found.contactPhoneLast4Hash !== hashPersonal(phoneLast4)) throw new AppError('NOT_FOUND', { message: '查询码或手机号后4位不正确' });
    return found;
  });
  const reply = row.status === 'REPLIED' || row.status === 'CLOSED' ? row.replies[0] : undefined;
  // Whoever holds a code and four digits is not necessarily the writer: the answer is masked like
  // a published letter (names, phones with their last four, ID numbers, addresses); the writer's
  // own signed-in view keeps the original.
  const masked = maskLetterForPublication({ title: row.title, body: row.body, reply: reply?.body ?? null }, row.resident.nickname ? [row.resident.nickname] : []);
  return {
    trackingCode: row.trackingCode, title: masked.title, type: row.type, status: row.status, statusLabel: letterStatusLabels[row.status], mailboxName: row.mailbox.name,
    submittedAt: row.submittedAt.toISOString(),
    reply: reply && masked.reply !== null ? { body: masked.reply, repliedAt: (row.repliedAt ?? deps.now()).toISOString() } : null,
    timeline: publicTimeline(row.events).map((entry) => (entry.reason === null ? entry : { ...entry, reason: maskIdentifiers(entry.reason) })),
  };
}

export async function supplementLetter(deps: MailboxDeps, { residentId, letterId, response, requestId }: { residentId: string; letterId: string; response: string; requestId: string }): Promise<void> {
  const contact = await findResidentContact(deps.prisma, residentId);
  if (!contact) throw new AppError('UNAUTHENTICATED');
  await ownLetter(deps, { residentId, letterId });
  await deps.rateLimiter.consume('textCheck', residentId);
  await checkResidentText(deps.contentSafety, { text: response, openid: contact.openid, scene: 'FORUM' });
  await answerSupplement(deps, { letterId, response, actor: { type: 'RESIDENT', userId: residentId, role: 'RESIDENT' }, requestId });
}

/**
 * 满意 / 基本满意 close the letter; 不满意 reopens it for a second handling with a new deadline,
 * as many times as the setting allows (once by default), and closes it after that.
 */
export async function rateLetter(
  deps: MailboxDeps,
  { residentId, letterId, satisfaction, comment, requestId }: { residentId: string; letterId: string; satisfaction: LetterSatisfaction; comment?: string; requestId: string },
): Promise<void> {
  await ownLetter(deps, { residentId, letterId });
  const contact = await findResidentContact(deps.prisma, residentId);
  if (comment && contact) {
    await deps.rateLimiter.consume('textCheck', residentId);
    await checkResidentText(deps.contentSafety, { text: comment, openid: contact.openid, scene: 'COMMENT' });
  }
  const settings = await deps.settings.read();
  const calendar = await deps.calendar.current();
  const now = deps.now();
  const actor = { type: 'RESIDENT' as const, userId: residentId, role: 'RESIDENT' as const };
  await inTransaction(deps.prisma, async (tx) => {
    const { letter } = await applyLetterTransition(tx, {
      letterId, action: 'RATE', actor, requestId, data: { satisfaction },
      guard: (row) => {
        if (row.status === 'REPLIED' && row.rateDueAt && row.rateDueAt.getTime() <= now.getTime()) {
          throw new AppError('ILLEGAL_TRANSITION', { message: `评价期限已过（答复后${settings.rateDays}天内可以评价）` });
        }
      },
      patch: { satisfaction, satisfactionComment: comment ?? null, isSatisfactionDefaulted: false, ratedAt: now },
    });
    if (satisfaction === 'DISSATISFIED' && letter.reopenedCount < settings.maxReopens && letter.departmentId) {
      const replyDueAt = calendar.addWorkingDays(now, settings.replyWorkingDays);
      await applyLetterTransition(tx, {
        letterId, action: 'REOPEN', actor, requestId, reason: comment,
        patch: { reopenedCount: { increment: 1 }, replyDueAt, extensionDays: 0, rateDueAt: null },
      });
      const departmentName = (await findDepartmentName(tx, letter.departmentId)) ?? '';
      await notifyStaff(tx, { letter, departmentId: letter.departmentId, role: 'DEPARTMENT_HANDLER', event: 'LETTER_ASSIGNED', extra: { departmentName, dueAt: replyDueAt }, tag: `reopen-${letter.reopenedCount + 1}` });
      return;
    }
    await applyLetterTransition(tx, { letterId, action: 'CLOSE', actor: { type: 'SYSTEM', userId: null, role: null }, reason: '来信人已评价', requestId, patch: { closedAt: now } });
  });
}

async function ownLetter(deps: MailboxDeps, { residentId, letterId }: { residentId: string; letterId: string }): Promise<void> {
  if (!(await isOwnLetter(deps.prisma, { residentId, letterId }))) throw new AppError('NOT_FOUND', { message: '没有找到这封来信' });
}
