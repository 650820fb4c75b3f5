import { MissingOwnerError, ownerId } from '../../bff/src/platform/db/owner';
import { findAppointmentDetail } from '../../bff/src/modules/booking/appointment-repository';
import { findChangeable } from '../../bff/src/modules/booking/change-repository';
import { findOwnedUploadedFile } from '../../bff/src/modules/files/repository';
import { listResidentLetters } from '../../bff/src/modules/mailbox/letter-repository';
import { countUnreadMessages, findMessagePage, markAllMessagesRead } from '../../bff/src/modules/notification/message-repository';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Repository functions that filter by owner refuse a missing or empty owner: Prisma drops an
 * `undefined` filter, which would turn "my messages" into everyone's.
 */
let t: TestApp;
let userA: string;
let userB: string;

beforeAll(async () => {
  t = await createTestApp();
  userA = (await t.prisma.user.create({ data: { openid: `oOWNER_A_${Date.now()}` }, select: { id: true } })).id;
  userB = (await t.prisma.user.create({ data: { openid: `oOWNER_B_${Date.now()}` }, select: { id: true } })).id;
  for (const userId of [userA, userB]) {
    await t.prisma.notification.create({ data: { userId, title: '测试消息', body: '内容' } });
  }
});
afterAll(async () => {
  await t.close();
});

// What a caller with a lost id would pass (a missing field, a null from a join, an empty form value).
const missing = [undefined, null, '', '   '] as unknown as string[];

describe('ownerId guard', () => {
  it('passes a real id through and throws on undefined, null, empty and blank', () => {
    expect(ownerId('cku1abc', 'userId')).toBe('cku1abc');
    for (const value of missing) expect(() => ownerId(value, 'userId')).toThrow(MissingOwnerError);
  });

  it('a repository query with a missing owner throws instead of reading or writing every owner rows', async () => {
    // The control: a real owner sees exactly their own rows.
    expect(await countUnreadMessages(t.prisma, userA)).toBe(1);
    expect((await findMessagePage(t.prisma, { userId: userA, skip: 0, take: 10, unreadOnly: false })).total).toBe(1);
    expect(await t.prisma.notification.count({ where: { userId: { in: [userA, userB] } } })).toBe(2);

    for (const value of missing) {
      await expect(countUnreadMessages(t.prisma, value)).rejects.toThrow(MissingOwnerError);
      await expect(findMessagePage(t.prisma, { userId: value, skip: 0, take: 10, unreadOnly: true })).rejects.toThrow(MissingOwnerError);
      await expect(markAllMessagesRead(t.prisma, { userId: value, at: new Date() })).rejects.toThrow(MissingOwnerError);
      await expect(listResidentLetters(t.prisma, value)).rejects.toThrow(MissingOwnerError);
      await expect(findAppointmentDetail(t.prisma, { id: 'any', residentId: value })).rejects.toThrow(MissingOwnerError);
      await expect(findChangeable(t.prisma, { id: 'any', residentId: value })).rejects.toThrow(MissingOwnerError);
      await expect(findOwnedUploadedFile(t.prisma, { fileId: 'any', ownerId: value })).rejects.toThrow(MissingOwnerError);
    }
    // Nothing was marked read by the refused "mark all read" calls.
    expect(await t.prisma.notification.count({ where: { userId: { in: [userA, userB] }, readAt: null } })).toBe(2);
  });
});
