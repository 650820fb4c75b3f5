import { performance } from 'node:perf_hooks';
import type { PrismaClient } from '@govpocket/db';
import { countMyUnreadNotifications, listMyNotifications } from '../bff/src/modules/notification/message-centre';
import { summarise, type LatencySummary } from './stats';

/**
 * The resident's message centre with 1,000,000 notifications in the table: 10,000 residents with
 * about 100 messages each, and the measured resident with 2,000 (a heavy user: every booking, letter
 * and consultation of years). Rows are written by MariaDB itself from its sequence engine (a
 * million Prisma inserts would take longer than the measurement). Measured through the service:
 * the first page, the fiftieth page (pageSize 20, offset paging bounded by the query schema), the
 * unread-only first page and the unread count (the tab badge on every screen).
 */
const residents = 10_000;
const total = 1_000_000;
const heavy = 2_000;
const idPrefix = 'bnmsg';

export type MessageListFigures = { notifications: number; ofResident: number; seedMs: number; figures: { name: string; latency: LatencySummary }[] };

async function ensureMessages(prisma: PrismaClient): Promise<{ userId: string; seedMs: number }> {
  const start = performance.now();
  const userId = `${idPrefix}u000000`;
  const existing = await prisma.notification.count({ where: { id: { startsWith: idPrefix } } });
  if (existing < total) {
    await prisma.$executeRawUnsafe(
      `INSERT IGNORE INTO \`User\` (id, openid, createdAt, updatedAt)
       SELECT CONCAT('${idPrefix}u', LPAD(seq, 6, '0')), CONCAT('oBENCH_msg_', seq), NOW(3), NOW(3) FROM seq_0_to_${residents - 1}`,
    );
    // Message n: resident 0 for the first `heavy`, then round-robin; one in three unread; a minute apart.
    await prisma.$executeRawUnsafe(
      `INSERT IGNORE INTO \`Notification\` (id, userId, eventType, title, body, link, readAt, createdAt, updatedAt)
       SELECT CONCAT('${idPrefix}', LPAD(seq, 8, '0')),
              CONCAT('${idPrefix}u', LPAD(IF(seq < ${heavy}, 0, 1 + (seq MOD ${residents - 1})), 6, '0')),
              'BOOKING_CONFIRMED', '预约成功', CONCAT('您已预约不动产登记，预约号', seq, '，请按时到场。'), 'booking/detail/index',
              IF(seq MOD 3 = 0, NULL, TIMESTAMPADD(MINUTE, seq, '2025-01-01 00:00:00')),
              TIMESTAMPADD(MINUTE, seq, '2025-01-01 00:00:00'), NOW(3)
       FROM seq_0_to_${total - 1}`,
    );
  }
  return { userId, seedMs: performance.now() - start };
}

async function measure(rounds: number, run: () => Promise<unknown>): Promise<LatencySummary> {
  for (let warm = 0; warm < 10; warm += 1) await run();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export async function benchMessageList({ prisma, rounds = 200 }: { prisma: PrismaClient; rounds?: number }): Promise<MessageListFigures> {
  const { userId, seedMs } = await ensureMessages(prisma);
  const deps = { prisma };
  const page = (number: number, unreadOnly = false) => () => listMyNotifications(deps, { userId, query: { page: number, pageSize: 20, unreadOnly } });
  const first = await page(1)();
  if (first.items.length !== 20) throw new Error('the measured resident has no full first page');
  return {
    notifications: await prisma.notification.count(),
    ofResident: first.total,
    seedMs,
    figures: [
      { name: 'first page', latency: await measure(rounds, page(1)) },
      { name: '50th page', latency: await measure(rounds, page(50)) },
      { name: 'unread only, first page', latency: await measure(rounds, page(1, true)) },
      { name: 'unread count (badge)', latency: await measure(rounds, () => countMyUnreadNotifications(deps, { userId })) },
    ],
  };
}
