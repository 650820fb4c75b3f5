import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import request, { type Response } from 'supertest';
import { encryptPersonal, hashPersonal, migrate } from '@govpocket/db';
import { errorBodySchema, letterReceiptResponseSchema, readinessSchema } from '@govpocket/shared';
import { isInfrastructureDown } from '../../bff/src/platform/errors/infrastructure';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { eventually } from '../support/eventually';
import { loginAs, type LoggedIn } from '../support/factories';
import { startPrivateMysql, type PrivateMysql } from '../support/private-mysql';

/**
 * Issue 9: MySQL restarted mid-run (a private mariadbd, killed with SIGKILL and started again on
 * the same datadir). While it is away every request that needs it answers 503 with the error
 * shape, never 500; once it is back the same app instance answers again within seconds, and a
 * letter whose submission the crash interrupted exists completely or not at all.
 */
/** The pool's wait for a connection: the time a request takes to hear 503 while MySQL is down. */
const acquireTimeoutMs = 2000;
let mysqlServer: PrivateMysql | undefined;
let t: WechatTestApp;
let mailboxId: string;
let residents: LoggedIn[];

function residentAt(index: number): LoggedIn {
  const found = residents[index];
  if (!found) throw new Error(`no resident ${index}`);
  return found;
}
const guideCodes: string[] = [];

const api = () => request(t.app.callback());
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const settle = (work: Promise<unknown>): Promise<unknown> => work.then(() => undefined, (error: unknown) => error);

beforeAll(async () => {
  mysqlServer = await startPrivateMysql();
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: mysqlServer.port, user: 'root' });
  await connection.query('CREATE DATABASE govpocket CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await connection.end();
  const databaseUrl = mysqlServer.urlFor('govpocket');
  await migrate({ databaseUrl });
  t = await createWechatTestApp({ DATABASE_URL: databaseUrl, DATABASE_ACQUIRE_TIMEOUT_MS: String(acquireTimeoutMs) });
  const department = await t.prisma.department.create({ data: { name: '测试市政府办公室' }, select: { id: true } });
  mailboxId = (await t.prisma.mailbox.create({ data: { name: '测试市长信箱', kind: 'LEADER', ownerDepartmentId: department.id, description: '测试用信箱' }, select: { id: true } })).id;
  for (const index of [1, 2]) {
    const { code } = await t.prisma.serviceItem.create({
      data: {
        code: `M${index}-QT-0001`, name: `重启测试事项${index}`, type: 'PUBLIC_SERVICE', departmentId: department.id, audience: 'INDIVIDUAL',
        themes: [], keywords: [], basis: [], conditions: [], statutoryDays: 10, promisedDays: 3, onSiteTrips: 0, onlineDepth: 'LEVEL_4',
        deliveryMethods: ['ELECTRONIC'], isAppointmentEnabled: false, hours: '工作日 9:00-17:00', status: 'PUBLISHED', revisedAt: new Date(), publishedAt: new Date(),
      },
      select: { code: true },
    });
    guideCodes.push(code);
  }
  residents = [];
  for (let index = 0; index < 4; index += 1) {
    const resident = await loginAs(t);
    const phone = `1390000000${index}`;
    await t.prisma.user.update({ where: { id: resident.userId }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: resident.userId }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
    residents.push(resident);
  }
}, 60_000);

afterAll(async () => {
  try {
    await t?.close();
  } finally {
    await mysqlServer?.destroy();
  }
});

function letter(title: string) {
  return { mailboxId, type: 'SUGGEST', title, body: '滨江路沿线小区居民较多，但最近的公交站台相距一公里，老人出行很不方便，建议增设站台。', isPublishAgreed: true };
}

function postLetter(resident: LoggedIn, title: string, key = `letter-${randomUUID()}`) {
  return api().post('/letters').set(resident.auth).set('Idempotency-Key', key).send(letter(title));
}

function expectUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(body.error.requestId).toBe(response.headers['x-request-id']);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

async function readyWithin(status: number, timeoutMs: number): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  for (;;) {
    const response = await api().get('/readyz');
    if (response.status === status || Date.now() - started > timeoutMs) return { status: response.status, ms: Date.now() - started };
    await pause(100);
  }
}

it('serves guide detail, appointments, letters and readiness while MySQL runs', async () => {
  expect((await api().get(`/guides/${guideCodes[0] ?? ''}`)).status).toBe(200);
  expect((await api().get('/appointments').set(residentAt(0).auth)).status).toBe(200);
  expect((await postLetter(residentAt(0), '运行时提交的建议')).status).toBe(201);
  expect((await api().get('/readyz')).status).toBe(200);
});

/** A letter submission caught inside its transaction when MySQL died. */
let blocked: { key: string; answer: Promise<Response> };

describe('while MySQL is stopped', () => {
  let inFlight: { query: Promise<unknown>; transaction: Promise<unknown> };

  beforeAll(async () => {
    // A transaction of our own holds the mailbox row, so a letter's insert waits on its
    // foreign-key check inside the submission transaction when MySQL dies.
    const blocker = await mysql.createConnection({ host: '127.0.0.1', port: mysqlServer?.port, user: 'root', database: 'govpocket' });
    blocker.on('error', () => undefined);
    await blocker.query('START TRANSACTION');
    await blocker.query('SELECT id FROM Mailbox WHERE id = ? FOR UPDATE', [mailboxId]);
    const key = `blocked-${randomUUID()}`;
    blocked = { key, answer: postLetter(residentAt(2), '停库时正在提交的建议', key).then((response) => response) };
    inFlight = {
      query: settle(t.prisma.$queryRawUnsafe('SELECT SLEEP(5)')),
      transaction: settle(t.prisma.$transaction(async (tx) => {
        await tx.letter.count();
        await pause(1000);
        await tx.letter.count();
      })),
    };
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [rows] = await blocker.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS waiting FROM information_schema.PROCESSLIST WHERE INFO LIKE 'INSERT INTO `Letter`%'");
      if (Number(rows[0]?.waiting) > 0) break;
      if (Date.now() > deadline) throw new Error('the letter never reached its insert');
      await pause(20);
    }
    await mysqlServer?.stop();
    blocker.destroy();
  }, 30_000);

  it('classifies what the driver throws mid-query and mid-transaction as infrastructure down', async () => {
    for (const failure of [await inFlight.query, await inFlight.transaction]) {
      expect(failure).toBeInstanceOf(Error);
      expect(isInfrastructureDown(failure)).toBe(true);
    }
    // A letter caught inside its transaction: 503, not 500.
    expectUnavailable(await blocked.answer);
  });

  // The driver's pool keeps retrying to connect until its acquire timeout (DATABASE_ACQUIRE_TIMEOUT_MS)
  // before a query fails, so the requests and the bare queries run side by side.
  it('answers 503 with the error shape, never 500, for every request that needs MySQL', async () => {
    const resident = residentAt(0);
    const started = Date.now();
    const [detail, appointments, submission, readiness, ...failures] = await Promise.all([
      // Never read, so not cached: the detail has to come from MySQL.
      api().get(`/guides/${guideCodes[1] ?? ''}`),
      api().get('/appointments').set(resident.auth),
      postLetter(resident, '停库期间提交的建议'),
      api().get('/readyz'),
      settle(t.prisma.$queryRawUnsafe('SELECT 1')),
      settle(t.prisma.letter.count()),
      settle(t.prisma.$transaction(async (tx) => tx.letter.count())),
    ]);
    for (const response of [detail, appointments, submission]) expectUnavailable(response);
    expect(readiness.status).toBe(503);
    expect(readinessSchema.parse(readiness.body)).toEqual({ status: 'unavailable', checks: { mysql: 'down', redis: 'ok' } });
    for (const failure of failures) expect(isInfrastructureDown(failure)).toBe(true);
    // Nobody waits much longer than the configured acquire timeout for the 503.
    expect(Date.now() - started).toBeLessThan(acquireTimeoutMs + 3000);
  }, 40_000);

  afterAll(async () => {
    await mysqlServer?.start();
  });
});

describe('after MySQL is back, with no app restart', () => {
  it('answers 200 again within a few seconds', async () => {
    const ready = await readyWithin(200, 10_000);
    expect(ready.status).toBe(200);
    expect(ready.ms).toBeLessThan(5_000);
    expect((await api().get(`/guides/${guideCodes[1] ?? ''}`)).status).toBe(200);
    expect((await api().get('/appointments').set(residentAt(0).auth)).status).toBe(200);
    expect((await postLetter(residentAt(1), '恢复后提交的建议')).status).toBe(201);
  });

  it('rolled back the letter caught inside its transaction; the same request again submits it once', async () => {
    const resident = residentAt(2);
    expect(await t.prisma.letter.count({ where: { residentId: resident.userId } })).toBe(0);
    // The dead request's claim on the key may still be live for a few seconds: until it lapses
    // the retry hears 409 DUPLICATE_REQUEST, then it is judged afresh.
    const retry = () => postLetter(resident, '停库时正在提交的建议', blocked.key).then((response) => response);
    const retried = await eventually(retry, (response) => response.status !== 409, 20_000);
    expect(retried.status).toBe(201);
    await expectWholeOrAbsent(resident.userId, blocked.key, retried);
    expect((await retry()).body).toEqual(retried.body);
  }, 30_000);
});

async function expectWholeOrAbsent(residentId: string, idempotencyKey: string, answer: Response): Promise<void> {
  const rows = await t.prisma.letter.findMany({ where: { residentId, idempotencyKey }, select: { id: true, status: true } });
  if (answer.status === 201) expect(rows.map((row) => row.id)).toEqual([letterReceiptResponseSchema.parse(answer.body).letter.id]);
  expect(rows.length).toBeLessThanOrEqual(1);
  for (const row of rows) {
    // A letter that exists is whole: its submission event and audit entry came with it.
    expect(row.status).toBe('SUBMITTED');
    expect(await t.prisma.letterEvent.count({ where: { letterId: row.id, action: 'SUBMIT' } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { entityType: 'Letter', entityId: row.id, action: 'LETTER_SUBMIT' } })).toBe(1);
  }
}

it('leaves letters whose submission a crash interrupted complete or absent', async () => {
  const attempts = residents.flatMap((resident) => [0, 1].map((index) => ({ resident, key: `crash-${randomUUID()}`, title: `崩溃时提交的建议${index}` })));
  let firstAnswered: () => void = () => undefined;
  const oneAnswered = new Promise<void>((resolve) => { firstAnswered = resolve; });
  const submissions = Promise.all(attempts.map(async ({ resident, key, title }, index) => {
    await pause(index * 15);
    const answer = await postLetter(resident, title, key).then((response) => response);
    firstAnswered();
    return answer;
  }));
  // MySQL dies once the first letter is in, with the others on their way.
  await oneAnswered;
  await mysqlServer?.stop();
  const answers = await submissions;
  await mysqlServer?.start();
  expect((await readyWithin(200, 10_000)).status).toBe(200);

  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
  expect(statuses).toContain(201);
  expect(statuses).toContain(503);
  for (const [index, answer] of answers.entries()) {
    const { resident, key } = attempts[index] as (typeof attempts)[number];
    await expectWholeOrAbsent(resident.userId, key, answer);
  }
}, 60_000);
