import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { errorBodySchema, miniProgramPages } from '@govpocket/shared';
import { startFakeWechat } from '@govpocket/fake-wechat';
import { merchantEnv } from '../fees/fees-env';
import type { WechatTestApp } from '../support/fake-wechat-app';
import { createTestApp } from '../support/test-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';
import { badPathValue, badQuery, bodySpec, encodeSegment, rawBadSegment, type BodySpec } from './fuzz-inputs';
import { routesOf, type Route } from './routes';

/**
 * Every route of the app (read from the router, so a new route is fuzzed without touching this
 * file) gets at least RUNS generated bad requests, as anonymous, resident and staff (admin +
 * window staff + mailbox office + department handler). Each answer must be a 4xx in the error
 * shape (a 2xx only where the input is valid after all), never a 5xx, and a refused request must
 * not write a row. Reproduce a failure with FUZZ_SEED=<seed printed in the failure>.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const BATCH = 20;

type Role = 'anonymous' | 'resident' | 'staff';
type FuzzRequest = { role: Role; params: Record<string, { real: boolean; value: string; raw: boolean }>; query: string; body: BodySpec };

let t: WechatTestApp;
let server: Server;
let origin: string;
let sessions: Record<Exclude<Role, 'anonymous'>, LoggedIn>;
let realIds: Map<string, string[]>;
let tables: string[];
let staffOpenid: string;

const routes: Route[] = [];

/** Payment notifications answer WeChat in its own shape: `{"code":"FAIL","message":…}`. */
const isPayNotify = (route: Route): boolean => route.path.startsWith('/payments/wechatpay/notify/');

/**
 * Routes whose answer to a fuzzed input may be 2xx because the input is valid after all: reads
 * ignore query keys they do not know, and these writes take no body (or an idempotent one).
 */
const acceptsAnyInput = new Set([
  'POST /auth/logout',
  // Enabling an account that is already active changes nothing.
  'POST /admin/staff-accounts/:id/enable',
  'POST /me/delete-account',
  'POST /notifications/read-all',
  'PUT /guides/:code/favourite',
  'DELETE /guides/:code/favourite',
  'POST /admin/guides/:code/publish',
  'POST /admin/guides/:code/unpublish',
  'POST /staff/halls/:hallId/windows/:windowId/call-next',
  'POST /staff/letters/:id/accept',
  // An internal note is any text of 1–2000 characters: a fuzzed object that happens to carry a
  // string `body` is a valid note (the refusals around it are still checked for writes).
  'POST /staff/letters/:id/notes',
]);

async function rowCounts(): Promise<Record<string, number>> {
  const rows = await t.prisma.$queryRawUnsafe<Array<{ name: string; count: bigint }>>(tables.map((table) => `SELECT '${table}' AS name, COUNT(*) AS count FROM \`${table}\``).join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.count)]));
}

function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after)
    .filter((table) => after[table] !== before[table])
    .map((table) => `${table} ${before[table]}→${after[table]}`);
}

function realIdsFor(route: Route, param: string): string[] {
  if (param === 'id') {
    const kind = route.path.includes('/appointments/') ? 'appointment' : route.path.includes('letters') ? 'letter' : route.path.includes('consultations') ? 'consultation' : route.path.includes('fee-orders') ? 'feeOrder' : route.path.includes('notifications') ? 'notification' : route.path.includes('follow-ups') ? 'rating' : 'staffAccount';
    return realIds.get(kind) ?? [];
  }
  return realIds.get(param) ?? [];
}

function requestArbitrary(route: Route): fc.Arbitrary<FuzzRequest> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => name as string);
  const param = (name: string) => {
    const real = realIdsFor(route, name);
    return fc.oneof(
      { weight: 3, arbitrary: badPathValue.map((value) => ({ real: false, value, raw: false })) },
      { weight: 1, arbitrary: rawBadSegment.map((value) => ({ real: false, value, raw: true })) },
      { weight: real.length > 0 ? 4 : 0, arbitrary: fc.constantFrom(...(real.length > 0 ? real : ['unused'])).map((value) => ({ real: true, value, raw: false })) },
    );
  };
  const reads = route.method === 'GET' || route.method === 'DELETE';
  return fc.record({
    role: fc.constantFrom<Role>('anonymous', 'resident', 'resident', 'staff', 'staff', 'staff'),
    params: fc.record(Object.fromEntries(names.map((name) => [name, param(name)]))),
    query: reads ? badQuery : fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: badQuery }),
    body: reads ? fc.oneof({ weight: 4, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) }, { weight: 1, arbitrary: bodySpec }) : bodySpec,
  });
}

function urlOf(route: Route, input: FuzzRequest): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const param = input.params[name];
    if (!param) throw new Error(`no value for ${name}`);
    return param.raw ? param.value : encodeSegment(param.value);
  });
  return input.query === '' ? path : `${path}?${input.query}`;
}

/**
 * One request, sent again when the connection broke before an answer arrived: a server that refuses
 * an oversized body answers 413 and closes the connection, and a client still writing the body may
 * see the socket go ("aborted", EPIPE) before it reads the 413. A server that broke every attempt
 * still fails the test.
 */
async function send(route: Route, input: FuzzRequest): Promise<request.Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(route, input);
    } catch (error) {
      const isTransport = error instanceof Error && !('status' in error) && /aborted|socket hang up|ECONNRESET|EPIPE/i.test(`${error.message} ${String(Reflect.get(error, 'code') ?? '')}`);
      if (!isTransport || attempt >= 3) throw new Error(`${route.method} ${route.path}: ${error instanceof Error ? error.message : String(error)} (${describeInput(route, input)})`, { cause: error });
    }
  }
}

async function sendOnce(route: Route, input: FuzzRequest): Promise<request.Response> {
  const agent = request(origin);
  let call = agent[route.method.toLowerCase() as 'post'](urlOf(route, input));
  if (input.role !== 'anonymous') call = call.set(sessions[input.role].auth);
  call = call.ok(() => true).timeout(20_000);
  const { body } = input;
  if (body.kind === 'json') return call.set('Content-Type', 'application/json').send(JSON.stringify(body.value) ?? 'null');
  if (body.kind === 'raw') return call.set('Content-Type', body.contentType).send(body.text);
  if (body.kind === 'oversize') return call.set('Content-Type', body.contentType).send(body.contentType === 'application/json' ? JSON.stringify({ text: '办'.repeat(Math.ceil(body.bytes / 3)) }) : 'x'.repeat(body.bytes));
  if (body.kind === 'encoded') return call.set('Content-Type', 'application/json').set('Content-Encoding', body.encoding).send(Buffer.from(body.text, 'latin1'));
  if (body.kind === 'multipart') return call.set('Content-Type', `multipart/form-data; boundary=${body.boundary}`).send(Buffer.from(body.text.replaceAll('{b}', body.boundary), 'latin1'));
  return call;
}

/** Rate limits answer 429 before validation: clear them so the fuzz keeps reaching the handler. */
async function clearRateLimits(): Promise<void> {
  const keys = await t.redis.keys(`${t.config.REDIS_KEY_PREFIX}rl:*`);
  if (keys.length > 0) await t.redis.del(...keys);
}

const hasChinese = (text: string): boolean => /[\u4e00-\u9fa5]/.test(text);

/** What is wrong with an answer, or undefined when it is an acceptable one. */
function checkAnswer(route: Route, response: request.Response): string | undefined {
  const { status } = response;
  if (status >= 500) return `answered ${status}: ${JSON.stringify(response.body)}`;
  if (status >= 400) {
    // WeChat's own answer shape; a caller sending a bearer token is refused by authentication first.
    if (isPayNotify(route) && response.body?.code === 'FAIL' && typeof response.body.message === 'string') return undefined;
    const parsed = errorBodySchema.safeParse(response.body);
    if (!parsed.success) return `${status} without the error shape: ${response.text.slice(0, 200)}`;
    if (!hasChinese(parsed.data.error.message)) return `${status} message not for a resident: ${parsed.data.error.message}`;
    return undefined;
  }
  if (status >= 200 && status < 300) {
    if (route.method === 'GET' || acceptsAnyInput.has(`${route.method} ${route.path}`)) return undefined;
    return `accepted a fuzzed ${route.method} with ${status}: ${response.text.slice(0, 200)}`;
  }
  if (status >= 300 && status < 400 && route.method === 'GET') return undefined;
  return `unexpected status ${status}`;
}

async function createStaffSession(...args: Parameters<typeof createStaff>): Promise<LoggedIn> {
  const staff = await createStaff(...args);
  staffOpenid = staff.openid;
  return staff;
}

/** Signs a role in again when its session is gone. */
async function renewSessions(): Promise<void> {
  if ((await request(origin).get('/me/profile').set(sessions.resident.auth)).status === 401) sessions.resident = await loginAs(t);
  if ((await request(origin).get('/me/profile').set(sessions.staff.auth)).status === 401) sessions.staff = await loginAs(t, staffOpenid);
}

const describeInput = (route: Route, input: FuzzRequest): string => `${route.method} ${urlOf(route, input).slice(0, 300)} as ${input.role} body ${JSON.stringify(input.body).slice(0, 300)}`;

beforeAll(async () => {
  // Online payment switched on (merchant keys of the fake), so /fee-orders/:id/pay reaches its checks.
  const fake = await startFakeWechat({ pages: [...miniProgramPages] });
  const app = await createTestApp({ WECHAT_API_BASE: fake.url, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHATPAY_API_BASE: fake.url, ...merchantEnv(fake, 'http://127.0.0.1:9') });
  t = { ...app, fake, close: async () => { await app.close(); await fake.close(); } };
  await ensureDemoSeeded(t.prisma);
  routes.push(...routesOf(t.app));
  const hall = (await t.prisma.hall.findFirst({ where: { windows: { some: {} } }, select: { id: true } })) ?? (await t.prisma.hall.findFirstOrThrow({ select: { id: true } }));
  const department = await t.prisma.department.findFirstOrThrow({ where: { consultations: { some: {} } }, select: { id: true } });
  sessions = {
    resident: await loginAs(t),
    staff: await createStaffSession(t, [{ role: 'ADMIN' }, { role: 'WINDOW_STAFF', hallId: hall.id }, { role: 'MAILBOX_OFFICE', departmentId: department.id }, { role: 'DEPARTMENT_HANDLER', departmentId: department.id }]),
  };
  const ids = async (rows: Promise<Array<{ id: string }>>) => (await rows).map((row) => row.id);
  const take = 3;
  realIds = new Map<string, string[]>([
    ['hallId', [hall.id]],
    ['departmentId', [department.id]],
    ['code', (await t.prisma.serviceItem.findMany({ take, select: { code: true } })).map((row) => row.code)],
    ['year', ['2026', '2027']],
    ['date', ['2026-12-01', '2026-12-25']],
    ['version', ['1', '2']],
    ['appointment', await ids(t.prisma.appointment.findMany({ take, where: { hallId: hall.id }, select: { id: true } }))],
    ['letter', await ids(t.prisma.letter.findMany({ take, select: { id: true } }))],
    ['consultation', await ids(t.prisma.consultation.findMany({ take, where: { departmentId: department.id }, select: { id: true } }))],
    ['feeOrder', await ids(t.prisma.feeOrder.findMany({ take, select: { id: true } }))],
    ['notification', await ids(t.prisma.notification.findMany({ take, select: { id: true } }))],
    ['rating', await ids(t.prisma.rating.findMany({ take, select: { id: true } }))],
    ['staffAccount', await ids(t.prisma.staffAccount.findMany({ take, select: { id: true } }))],
    ['fileId', await ids(t.prisma.uploadedFile.findMany({ take, select: { id: true } }))],
    ['reportId', await ids(t.prisma.guideErrorReport.findMany({ take, select: { id: true } }))],
    ['windowId', await ids(t.prisma.serviceWindow.findMany({ take, where: { hallId: hall.id }, select: { id: true } }))],
    ['slotId', await ids(t.prisma.slot.findMany({ take, where: { hallId: hall.id }, select: { id: true } }))],
    ['templateId', await ids(t.prisma.scheduleTemplate.findMany({ take, where: { hallId: hall.id }, select: { id: true } }))],
    ['overrideId', await ids(t.prisma.scheduleOverride.findMany({ take, where: { hallId: hall.id }, select: { id: true } }))],
    ['opinionId', await ids(t.prisma.opinion.findMany({ take, select: { id: true } }))],
  ]);
  tables = (
    await t.prisma.$queryRawUnsafe<Array<{ name: string }>>("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")
  ).map((row) => row.name);
  server = createServer(t.app.callback()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await t?.close();
});

describe('route fuzz: every route refuses bad input with a 4xx in the error shape and writes nothing', () => {
  it('finds the routes to fuzz in the router', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(tables.length).toBeGreaterThan(30);
  });

  // The list is read from the router in beforeAll; one test walks it so a new route needs no edit.
  it(`every route answers ${RUNS} generated bad requests without a 5xx or a write`, async () => {
    const failures: string[] = [];
    let sent = 0;
    const answered = new Map<string, number>(); // error code (or status) → answers, to see the fuzz got past the gates
    const signedIn = new Map<string, number>();
    for (const [index, route] of routes.entries()) {
      const seed = SEED + index;
      const problems: string[] = [];
      const exchange = async (input: FuzzRequest): Promise<request.Response> => {
        let response = await send(route, input);
        if (response.status === 429) {
          await clearRateLimits();
          response = await send(route, input);
        }
        sent += 1;
        const code = String(response.body?.error?.code ?? response.status);
        answered.set(code, (answered.get(code) ?? 0) + 1);
        if (input.role !== 'anonymous') signedIn.set(code, (signedIn.get(code) ?? 0) + 1);
        const problem = checkAnswer(route, response);
        if (problem) problems.push(`${problem}\n    ${describeInput(route, input)}`);
        return response;
      };
      const inputs = fc.sample(requestArbitrary(route), { seed, numRuns: RUNS });
      let baseline = await rowCounts();
      // A few requests at a time, then the row counts: a batch of refusals must have written nothing.
      for (let at = 0; at < inputs.length; at += BATCH) {
        const batch = inputs.slice(at, at + BATCH);
        const answers = await Promise.all(batch.map(exchange));
        const accepted = answers.some((response) => response.status >= 200 && response.status < 300);
        const after = await rowCounts();
        const written = changedTables(baseline, after);
        baseline = after;
        // A fuzzed logout (or account deletion) may be valid after all: sign the roles in again.
        if (answers.some((response, position) => batch[position]?.role !== 'anonymous' && response.body?.error?.code === 'UNAUTHENTICATED')) {
          await renewSessions();
          baseline = await rowCounts();
        }
        if (written.length === 0) continue;
        if (!accepted) {
          problems.push(`refused every request but wrote ${written.join(', ')}\n    ${batch.map((input) => describeInput(route, input)).join('\n    ')}`);
          continue;
        }
        // A 2xx took its input as valid after all and may write: replay the refusals one by one.
        for (const [position, input] of batch.entries()) {
          if ((answers[position]?.status ?? 0) < 300) continue;
          const response = await exchange(input);
          const afterOne = await rowCounts();
          const writtenByOne = changedTables(baseline, afterOne);
          baseline = afterOne;
          if (response.status >= 300 && writtenByOne.length > 0) problems.push(`refused with ${response.status} but wrote ${writtenByOne.join(', ')}\n    ${describeInput(route, input)}`);
        }
      }
      if (problems.length > 0) failures.push(`${route.method} ${route.path} (FUZZ_SEED=${SEED}, route seed ${seed}): ${problems.length} bad answers\n  ${problems.slice(0, 3).join('\n  ')}`);
    }
    // The fuzz got past authentication and into validation, not just bounced off a dead session.
    const signedInTotal = [...signedIn.values()].reduce((sum, count) => sum + count, 0);
    expect(signedIn.get('UNAUTHENTICATED') ?? 0).toBeLessThan(signedInTotal * 0.02);
    expect(signedIn.get('VALIDATION_FAILED') ?? 0).toBeGreaterThan(signedInTotal * 0.1);
    for (const code of ['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN', 'NOT_FOUND']) expect({ code, seen: (answered.get(code) ?? 0) > 0 }).toEqual({ code, seen: true });
    expect(sent).toBeGreaterThanOrEqual(routes.length * RUNS);
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('regressions the fuzz found', () => {
  // Prisma emulates upsert on MySQL: the same user's requests racing on one guide both inserted
  // their recent view (favourite, checklist) and the loser answered 500 on the unique key.
  it('answers a user viewing, starring and ticking one guide in parallel without a 500', async () => {
    const viewer = await loginAs(t);
    const { code } = await t.prisma.serviceItem.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { code: true } });
    const times = (count: number, call: () => request.Test) => Promise.all(Array.from({ length: count }, call));
    const views = await times(5, () => request(origin).get(`/guides/${code}?%7B%7B7*7%7D%7D%24%7B7*7%7D=%00&unread=-1&itemCode=0`).set(viewer.auth));
    expect(views.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const stars = await times(5, () => request(origin).put(`/guides/${code}/favourite`).set(viewer.auth));
    expect(stars.map((response) => response.status)).toEqual([204, 204, 204, 204, 204]);
    const ticks = await times(5, () => request(origin).put(`/guides/${code}/checklist`).set(viewer.auth).send({ checkedMaterialIds: [] }));
    expect(ticks.every((response) => response.status < 300)).toBe(true);
    expect(await t.prisma.recentView.count({ where: { userId: viewer.userId } })).toBe(1);
    expect(await t.prisma.favourite.count({ where: { userId: viewer.userId } })).toBe(1);
    expect(await t.prisma.materialChecklist.count({ where: { userId: viewer.userId } })).toBe(1);
  });
});
