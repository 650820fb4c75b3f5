import { workerDatabaseUrl, workerRedisPrefix, workerRedisUrl } from './test-env';

// Runs in every test file before it loads: point the code under test at this worker's database,
// Redis db and key prefix.
const workerId = Number(process.env.JEST_WORKER_ID ?? '1');
const runId = process.env.GOVPOCKET_TEST_RUN_ID ?? String(process.ppid);
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = workerDatabaseUrl(runId, workerId);
process.env.REDIS_URL = workerRedisUrl(workerId);
process.env.REDIS_KEY_PREFIX = workerRedisPrefix(runId, workerId);
