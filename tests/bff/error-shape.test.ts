import Router from '@koa/router';
import Koa from 'koa';
import request from 'supertest';
import { z } from 'zod';
import { errorBodySchema } from '@govpocket/shared';
import { AppError } from '../../bff/src/platform/errors/app-error';
import { errorHandler } from '../../bff/src/platform/http/error-handler';
import { requestContext } from '../../bff/src/platform/http/request-context';
import type { AppState } from '../../bff/src/platform/http/types';
import { createLogger } from '../../bff/src/platform/logger';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ BODY_LIMIT: '1kb' });
});
afterAll(async () => {
  await testApp.close();
});

function expectErrorShape(body: unknown, code: string): void {
  const parsed = errorBodySchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fa5]/); // a message a resident can read
}

describe('the BFF answers every failure in one shape', () => {
  it('unknown route → 404', async () => {
    const response = await request(testApp.app.callback()).get('/no-such-screen');
    expect(response.status).toBe(404);
    expectErrorShape(response.body, 'NOT_FOUND');
    expect(response.headers['x-request-id']).toEqual(response.body.error.requestId);
  });

  it('wrong method on a known route → 405 with Allow', async () => {
    const response = await request(testApp.app.callback()).delete('/healthz');
    expect(response.status).toBe(405);
    expectErrorShape(response.body, 'METHOD_NOT_ALLOWED');
  });

  it('malformed JSON → 400', async () => {
    const response = await request(testApp.app.callback()).post('/readyz').set('Content-Type', 'application/json').send('{"code": "abc",');
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'MALFORMED_JSON');
  });

  it('a body over the limit → 413', async () => {
    const response = await request(testApp.app.callback()).post('/readyz').set('Content-Type', 'application/json').send(JSON.stringify({ text: '办'.repeat(2000) }));
    expect(response.status).toBe(413);
    expectErrorShape(response.body, 'PAYLOAD_TOO_LARGE');
  });

  it('a read sent with a body over the limit → 413, before any work', async () => {
    const response = await request(testApp.app.callback()).get('/openapi.json').set('Content-Type', 'application/json').send(JSON.stringify({ text: '办'.repeat(2000) }));
    expect(response.status).toBe(413);
    expectErrorShape(response.body, 'PAYLOAD_TOO_LARGE');
    // A small body on a read is ignored, as before.
    expect((await request(testApp.app.callback()).get('/healthz').set('Content-Type', 'application/json').send('{}')).status).toBe(200);
  });

  it('keeps the caller request id when it is sane and sets security headers', async () => {
    const response = await request(testApp.app.callback()).get('/healthz').set('X-Request-Id', 'req-12345678');
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('req-12345678');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers CORS for the H5 origin only', async () => {
    const allowed = await request(testApp.app.callback()).options('/healthz').set('Origin', 'http://127.0.0.1:10086').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:10086');
    const foreign = await request(testApp.app.callback()).options('/healthz').set('Origin', 'http://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the error handler', () => {
  const app = new Koa<AppState>();
  app.silent = true;
  const router = new Router<AppState>();
  router.get('/full', () => {
    throw new AppError('CONFLICT', { message: '该时段已约满，请选择其他时段', details: { slotId: 's1' } });
  });
  router.get('/limited', () => {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: 30 });
  });
  router.get('/invalid', () => {
    z.object({ title: z.string().min(5) }).parse({ title: '短' });
  });
  router.get('/bug', () => {
    throw new Error('SELECT * FROM Letter failed: secret internals');
  });
  router.get('/db-down', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
  });
  app.use(requestContext(createLogger({ level: 'silent' })));
  app.use(errorHandler());
  app.use(router.routes());
  const server = app.callback();

  it('answers an AppError with its status, Chinese message and details', async () => {
    const response = await request(server).get('/full');
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'CONFLICT', message: '该时段已约满，请选择其他时段', details: { slotId: 's1' } });
  });

  it('sends Retry-After on 429', async () => {
    const response = await request(server).get('/limited');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('30');
    expectErrorShape(response.body, 'RATE_LIMITED');
  });

  it('turns a ZodError into 400 with the failing fields', async () => {
    const response = await request(server).get('/invalid');
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'VALIDATION_FAILED');
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: 'title' })]);
  });

  it('hides the internals of a 500', async () => {
    const response = await request(server).get('/bug');
    expect(response.status).toBe(500);
    expectErrorShape(response.body, 'INTERNAL');
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|secret/);
  });

  it('answers 503 with Retry-After when the database is unreachable', async () => {
    const response = await request(server).get('/db-down');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expectErrorShape(response.body, 'SERVICE_UNAVAILABLE');
  });
});
