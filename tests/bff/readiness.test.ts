import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { readinessSchema } from '@govpocket/shared';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { createTestApp, type TestApp } from '../support/test-app';

let redisServer: PrivateRedis;
let testApp: TestApp;

beforeAll(async () => {
  redisServer = await startPrivateRedis();
  testApp = await createTestApp({ REDIS_URL: redisServer.url });
});
afterAll(async () => {
  await testApp.close();
  await redisServer.stop();
});

async function readiness(): Promise<{ status: number; body: unknown }> {
  const response = await request(testApp.app.callback()).get('/readyz');
  return { status: response.status, body: readinessSchema.parse(response.body) };
}

async function eventually(expected: number): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const answer = await readiness();
    if (answer.status === expected || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('/healthz and /readyz', () => {
  it('is alive without touching dependencies', async () => {
    const response = await request(testApp.app.callback()).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when MySQL and Redis answer, 503 while Redis is stopped, ready again when it is back', async () => {
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ok', checks: { mysql: 'ok', redis: 'ok' } } });

    await redisServer.stop();
    const down = await eventually(503);
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', checks: { mysql: 'ok', redis: 'down' } } });

    await redisServer.start();
    expect(await eventually(200)).toEqual({ status: 200, body: { status: 'ok', checks: { mysql: 'ok', redis: 'ok' } } });
  });

  it('exposes Prometheus metrics with a request histogram by route pattern', async () => {
    await request(testApp.app.callback()).get('/healthz');
    await request(testApp.app.callback()).get('/nowhere/123');
    const response = await request(testApp.app.callback()).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/govpocket_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(response.text).toMatch(/route="unmatched",status="404"/);
    expect(response.text).not.toMatch(/nowhere\/123/);
    expect(response.text).toMatch(/govpocket_process_cpu_user_seconds_total/);
  });

  it('answers /metrics and /readyz only under their exact spelling; the documented nginx location blocks every spelling', async () => {
    const spellings = ['/METRICS', '/Metrics', '/metrics/', '//metrics', '/%6detrics', '/%6Detrics', '/metrics%2F', '/READYZ', '/readyz/', '//readyz', '/%72eadyz'];
    for (const spelling of spellings) {
      const answer = await request(testApp.app.callback()).get(spelling);
      expect([spelling, answer.status, answer.body?.error?.code]).toEqual([spelling, 404, 'NOT_FOUND']);
    }
    // nginx matches a location against the URI decoded and with slashes merged.
    const deployment = readFileSync(path.join(__dirname, '../../docs/deployment.md'), 'utf8');
    const [, pattern = ''] = /location ~\* (\S+) \{ return 404; \}/.exec(deployment) ?? [];
    const blocked = new RegExp(pattern, 'i');
    const asNginxSees = (uri: string): string => decodeURIComponent(uri).replace(/\/{2,}/g, '/');
    for (const uri of [...spellings, '/metrics', '/readyz', '///metrics//', '/readyz/deep']) expect([uri, blocked.test(asNginxSees(uri))]).toEqual([uri, true]);
    for (const uri of ['/healthz', '/guides/metrics', '/me/profile', '/metricsfoo']) expect([uri, blocked.test(asNginxSees(uri))]).toEqual([uri, false]);
  });
});
