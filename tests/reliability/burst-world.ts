import { randomUUID } from 'node:crypto';
import { encryptPersonal, hashPersonal, type PrismaClient } from '@govpocket/db';
import { wechatLoginResponseSchema } from '@govpocket/shared';
import type { FakeWechat } from '@govpocket/fake-wechat';
import { createBookableSlot } from '../../bench/bookable-slot';

/**
 * What the kill-during-bursts suite books and writes to: one bookable item served by one hall,
 * one slot on the next working day with fewer seats than residents, one mailbox, and residents
 * logged in through the fake WeChat against the BFF processes (their sessions live in Redis, so
 * any process serves them).
 */
export type BurstWorld = { itemId: string; itemCode: string; slotId: string; mailboxId: string };
export type BurstResident = { index: number; userId: string; token: string };

const suffix = (): string => randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();

export async function seedBurstWorld(prisma: PrismaClient, { capacity }: { capacity: number }): Promise<BurstWorld> {
  const { tag, departmentId, itemId, itemCode, slotId } = await createBookableSlot(prisma, { capacity, label: '故障演练' });
  const mailbox = await prisma.mailbox.create({ data: { name: `故障演练信箱${tag}`, kind: 'LEADER', ownerDepartmentId: departmentId, description: '故障演练用信箱' }, select: { id: true } });
  return { itemId, itemCode, slotId, mailboxId: mailbox.id };
}

/** Logs `count` residents in over HTTP, spread over the processes, a few at a time. */
export async function loginResidents(fake: FakeWechat, urls: string[], count: number): Promise<BurstResident[]> {
  const residents: BurstResident[] = [];
  for (let start = 0; start < count; start += 20) {
    const batch = Array.from({ length: Math.min(20, count - start) }, (_, offset) => start + offset);
    residents.push(...(await Promise.all(batch.map(async (index) => {
      const { code } = fake.control.mintLoginCode(`oKILL_${suffix()}${index}`);
      const answer = await fetch(`${urls[index % urls.length]}/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${await answer.text()}`);
      const body = wechatLoginResponseSchema.parse(await answer.json());
      return { index, userId: body.user.id, token: body.token };
    }))));
  }
  return residents;
}

/** Letters carry the phone bound through WeChat: bind one for each writer. */
export async function bindPhones(prisma: PrismaClient, userIds: string[]): Promise<void> {
  await Promise.all(userIds.map((id, index) => {
    const phone = `139${String(index).padStart(8, '0')}`;
    return prisma.user.update({ where: { id }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: id }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
  }));
}

export function letterBody(mailboxId: string): object {
  return { mailboxId, type: 'SUGGEST', title: '建议增设滨江路公交站台', body: '滨江路沿线小区居民较多，但最近的公交站台相距一公里，老人出行很不方便，建议增设站台。', isPublishAgreed: true };
}
