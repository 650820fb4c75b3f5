import { randomUUID } from 'node:crypto';
import type { NotificationEvent, PrismaClient } from '@govpocket/db';
import { enqueueNotification, type EnqueueNotificationInput } from '../../bff/src/modules/notification/enqueue-notification';
import type { DrainDeps } from '../../bff/src/modules/notification/drain-outbox';
import { createTemplateRegistrySource } from '../../bff/src/modules/notification/load-template-registry';
import type { NotificationPayloads } from '../../bff/src/modules/notification/payloads';
import type { MiniProgramApi } from '../../bff/src/modules/wechat/mini-program-api';
import { createLogger } from '../../bff/src/platform/logger';

/** Residents, notifications and clean-up for the notification suites, all tagged per run. */
export type Resident = { id: string; openid: string };

export function runTag(): string {
  return randomUUID().slice(0, 8);
}

export async function createResidents(prisma: PrismaClient, tag: string, count: number): Promise<Resident[]> {
  const residents: Resident[] = [];
  for (let index = 0; index < count; index += 1) {
    residents.push(await prisma.user.create({ data: { openid: `ntf-${tag}-${index}` }, select: { id: true, openid: true } }));
  }
  return residents;
}

/** Deletes the residents (their messages and quotas cascade) and their outbox rows. */
export async function removeResidents(prisma: PrismaClient, residents: Resident[]): Promise<void> {
  const ids = residents.map((resident) => resident.id);
  await prisma.outboxEvent.deleteMany({ where: { userId: { in: ids } } });
  await prisma.user.deleteMany({ where: { id: { in: ids } } });
}

export const bookingPayload = (bookingNo: string): NotificationPayloads['BOOKING_CONFIRMED'] => ({
  appointmentId: `appt-${bookingNo}`,
  itemName: '不动产登记（二手房转移登记）业务办理与材料核验',
  hallName: '清江市政务服务中心',
  slotStart: new Date('2026-11-23T07:01:00Z'),
  bookingNo,
});

export async function enqueue<E extends NotificationEvent>(prisma: PrismaClient, input: EnqueueNotificationInput<E>): Promise<string> {
  const { outboxEventId } = await prisma.$transaction((tx) => enqueueNotification(tx, input));
  return outboxEventId;
}

export function drainDeps(prisma: PrismaClient, miniProgram: MiniProgramApi, overrides: { maxAttempts?: number; retryBaseMs?: number } = {}): DrainDeps {
  return {
    prisma,
    miniProgram,
    logger: createLogger({ level: 'silent' }),
    registry: createTemplateRegistrySource({ prisma, ttlMs: 0 }),
    settings: { maxAttempts: overrides.maxAttempts ?? 5, backoff: { baseMs: overrides.retryBaseMs ?? 100, maxMs: 2000 }, sendTtlMs: 10_000, miniprogramState: 'formal' },
    drain: { batchSize: 50, concurrency: 4, claimTtlMs: 10_000, budgetMs: 10_000 },
  };
}

export async function waitFor(check: () => Promise<boolean> | boolean, { timeoutMs = 10_000, everyMs = 50, what = 'condition' } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
