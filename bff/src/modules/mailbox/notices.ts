import type { NotificationEvent, Prisma } from '@govpocket/db';
import { pageLinks } from '@govpocket/shared';
import { enqueueNotification } from '../notification';
import type { NotificationPayloads } from '../notification/payloads';
import { listDepartmentStaffUserIds } from './repository';

/**
 * Letter notifications, always inside the transaction of the change they announce. Residents get
 * a link to their letter, staff to the staff letter page; notifyStaff answers how many were new. `tag` makes the dedupe key unique per
 * occurrence (a second reply round, a second send-back …).
 */
type LetterRef = { id: string; trackingCode: string; title: string };
type LetterEventName = Extract<NotificationEvent, `LETTER_${string}`>;
type Extra<E extends LetterEventName> = Omit<NotificationPayloads[E], 'letterId' | 'letterNo' | 'subject' | 'link'>;

export const residentLetterLink = pageLinks.residentLetter;
export const staffLetterLink = pageLinks.staffLetter;

export async function notifyResident<E extends LetterEventName>(
  tx: Prisma.TransactionClient,
  { letter, residentId, event, extra, tag }: { letter: LetterRef; residentId: string; event: E; extra: Extra<E>; tag: string },
): Promise<void> {
  await enqueueNotification(tx, {
    userId: residentId, event,
    payload: { ...extra, letterId: letter.id, letterNo: letter.trackingCode, subject: letter.title, link: residentLetterLink(letter.id) } as NotificationPayloads[E],
    dedupeKey: `${event}:${letter.id}:${tag}`,
  });
}

export async function notifyStaff<E extends LetterEventName>(
  tx: Prisma.TransactionClient,
  { letter, departmentId, role, event, extra, tag }: { letter: LetterRef; departmentId: string; role: 'MAILBOX_OFFICE' | 'DEPARTMENT_HANDLER'; event: E; extra: Extra<E>; tag: string },
): Promise<number> {
  const userIds = await listDepartmentStaffUserIds(tx, { departmentId, role });
  let created = 0;
  for (const userId of userIds) {
    const { isCreated } = await enqueueNotification(tx, {
      userId, event,
      payload: { ...extra, letterId: letter.id, letterNo: letter.trackingCode, subject: letter.title, link: staffLetterLink(letter.id) } as NotificationPayloads[E],
      dedupeKey: `${event}:${letter.id}:${tag}:${userId}`,
    });
    if (isCreated) created += 1;
  }
  return created;
}
