import { randomBytes } from 'node:crypto';
import { workerDatabaseUrl, workerRedisPrefix, workerRedisUrl } from './test-env';

// Runs in every test file before it loads: point the code under test at this worker's database,
// Redis db and a key prefix of this file's own, so caches, rate limits and queues one suite leaves
// in Redis never reach the next suite of the same worker.
const workerId = Number(process.env.JEST_WORKER_ID ?? '1');
const runId = process.env.GOVPOCKET_TEST_RUN_ID ?? String(process.ppid);
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = workerDatabaseUrl(runId, workerId);
process.env.REDIS_URL = workerRedisUrl(workerId);
process.env.REDIS_KEY_PREFIX = `${workerRedisPrefix(runId, workerId)}${randomBytes(4).toString('hex')}:`;
