import { withDatabase } from '../../prisma/src/database-url';

/**
 * Where the test suites find MySQL and Redis. Every jest run gets its own databases (one per
 * worker) and its own Redis key prefix, named by a run id, so two runs on one machine (a developer
 * and CI, or several people) never drop each other's data.
 */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket_test';
export const testRedisBaseUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const databasePrefix = 'govpocket_t';

export function workerDatabaseName(runId: string, workerId: number): string {
  return `${databasePrefix}${runId}_${workerId}`;
}

export function workerDatabaseUrl(runId: string, workerId: number): string {
  return withDatabase(testServerUrl, workerDatabaseName(runId, workerId));
}

/** Redis db 0 is left to the demo; worker n uses db n, and keys carry the run's prefix. */
export function workerRedisUrl(workerId: number): string {
  const url = new URL(testRedisBaseUrl);
  url.pathname = `/${Math.min(workerId, 15)}`;
  return url.toString();
}

export function workerRedisPrefix(runId: string, workerId: number): string {
  return `t${runId}:${workerId}:`;
}
