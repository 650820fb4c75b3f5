import type { Readiness } from '@govpocket/shared';

export type DependencyProbe = () => Promise<void>;

/** Fails the probe when it does not answer in time: a hung dependency is a down dependency. */
async function probe(check: DependencyProbe, timeoutMs: number): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => 'ok' as const, () => 'down' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness({ mysql, redis, timeoutMs = 1500 }: { mysql: DependencyProbe; redis: DependencyProbe; timeoutMs?: number }): Promise<Readiness> {
  const [mysqlState, redisState] = await Promise.all([probe(mysql, timeoutMs), probe(redis, timeoutMs)]);
  const status = mysqlState === 'ok' && redisState === 'ok' ? 'ok' : 'unavailable';
  return { status, checks: { mysql: mysqlState, redis: redisState } };
}
