import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { encryptPersonal, hashPersonal, type PrismaClient } from '@govpocket/db';
import { startFakeWechat } from '@govpocket/fake-wechat';
import { createApp } from '../bff/src/app';
import { loadConfig } from '../bff/src/config';
import { createLogger } from '../bff/src/platform/logger';
import type { connectRedis } from '../bff/src/platform/redis';
import { summarise } from './stats';

/**
 * Letter submission over HTTP with content safety through the fake WeChat (msgSecCheck v2 on every
 * letter), `concurrency` residents at a time for `durationMs`. Residents log in through the fake
 * (code2Session) and have a bound phone; each sends at most its hourly allowance (5), so every
 * answer should be 201. Correctness figure: letters stored = letters acknowledged.
 */
export type LetterSubmissionFigures = { rps: number; p50: number; p99: number; errors: number; acknowledged: number; stored: number; statuses: Record<string, number> };

export async function benchLetterSubmission({ databaseUrl, prisma, redis, concurrency = 16, durationMs = 5000 }: {
  databaseUrl: string; prisma: PrismaClient; redis: Awaited<ReturnType<typeof connectRedis>>; concurrency?: number; durationMs?: number;
}): Promise<LetterSubmissionFigures> {
  const fake = await startFakeWechat();
  const keyPrefix = `benchletters${process.pid}:`;
  const config = loadConfig({
    ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', REDIS_KEY_PREFIX: keyPrefix, LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    WECHAT_API_BASE: fake.url, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHATPAY_API_BASE: fake.url,
  });
  const app = createApp({ config, logger: createLogger({ level: 'silent' }), prisma, redis });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const office = await prisma.department.upsert({ where: { name: '基准测试信箱办' }, create: { name: '基准测试信箱办' }, update: {}, select: { id: true } });
    const mailbox = await prisma.mailbox.upsert({ where: { name: '基准测试提交信箱' }, create: { name: '基准测试提交信箱', kind: 'LEADER', ownerDepartmentId: office.id, description: '基准测试' }, update: {}, select: { id: true } });
    const residents = Number(process.env.BENCH_LETTER_RESIDENTS ?? 300);
    const tokens: string[] = [];
    const phone = '13900001234';
    for (let index = 0; index < residents; index += 1) {
      const { code } = fake.control.mintLoginCode(`oBENCH_letter_${process.pid}_${index}`);
      const login = (await (await fetch(`${url}/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string; user: { id: string } };
      await prisma.user.update({ where: { id: login.user.id }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: login.user.id }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
      tokens.push(login.token);
    }
    const before = await prisma.letter.count({ where: { mailboxId: mailbox.id } });
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let next = 0;
    const deadline = performance.now() + durationMs;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && next < residents * 5) {
        const token = tokens[Math.floor(next / 5)] ?? '';
        next += 1;
        const start = performance.now();
        const response = await fetch(`${url}/letters`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${randomUUID()}` },
          body: JSON.stringify({ mailboxId: mailbox.id, type: 'SUGGEST', title: '建议增设滨江路公交站台', body: `滨江路沿线小区居民较多，最近的公交站台相距一公里，老人出行很不方便，建议增设站台。编号${next}`, isPublishAgreed: true }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - start);
        statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
      }
    }));
    const elapsedMs = performance.now() - started;
    const latency = summarise(latencies);
    const acknowledged = statuses['201'] ?? 0;
    return {
      rps: (latencies.length / elapsedMs) * 1000, p50: latency.p50, p99: latency.p99,
      errors: latencies.length - acknowledged, acknowledged,
      stored: (await prisma.letter.count({ where: { mailboxId: mailbox.id } })) - before, statuses,
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    await fake.close();
    const keys = await redis.keys(`${keyPrefix}*`);
    for (let index = 0; index < keys.length; index += 500) await redis.del(...keys.slice(index, index + 500));
  }
}
