import request from 'supertest';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createHall, createStaff, loginAs, type LoggedIn } from '../support/factories';

/**
 * The first staff routes × every role, in its own scope and a foreign one: a cell is the status the
 * actor must get. Every route of the app × every actor is in tests/reliability/authorization-matrix.test.ts.
 */
type Actor = 'anonymous' | 'resident' | 'windowA' | 'windowB' | 'handlerA' | 'handlerB' | 'officeA' | 'officeB' | 'admin';
const actors: Actor[] = ['anonymous', 'resident', 'windowA', 'windowB', 'handlerA', 'handlerB', 'officeA', 'officeB', 'admin'];

type Fixture = { hallA: string; departmentA: string; unboundAccountId: string; itemA: string };
type RouteCase = { name: string; method: 'get' | 'post'; path: (fixture: Fixture) => string; body?: object; allowed: Actor[]; okStatus: number };

const routes: RouteCase[] = [
  { name: 'list staff accounts', method: 'get', path: () => '/admin/staff-accounts', allowed: ['admin'], okStatus: 200 },
  { name: 'issue a binding code', method: 'post', path: (f) => `/admin/staff-accounts/${f.unboundAccountId}/binding-codes`, body: {}, allowed: ['admin'], okStatus: 201 },
  { name: 'create a staff account', method: 'post', path: () => '/admin/staff-accounts', body: { name: '新员工', roles: [{ role: 'ADMIN' }] }, allowed: ['admin'], okStatus: 201 },
  { name: 'hall A workbench', method: 'get', path: (f) => `/staff/halls/${f.hallA}/overview`, allowed: ['windowA', 'admin'], okStatus: 200 },
  { name: 'department A workbench', method: 'get', path: (f) => `/staff/departments/${f.departmentA}/overview`, allowed: ['handlerA', 'officeA', 'admin'], okStatus: 200 },
  { name: 'department A guide error reports', method: 'get', path: (f) => `/staff/departments/${f.departmentA}/guide-error-reports`, allowed: ['handlerA', 'officeA', 'admin'], okStatus: 200 },
  { name: 'edit view of a department A guide', method: 'get', path: (f) => `/admin/guides/${f.itemA}`, allowed: ['handlerA', 'admin'], okStatus: 200 },
  { name: 'list guides for maintenance', method: 'get', path: () => '/admin/guides', allowed: ['handlerA', 'handlerB', 'admin'], okStatus: 200 },
  { name: 'unpublish a department A guide', method: 'post', path: (f) => `/admin/guides/${f.itemA}/unpublish`, body: {}, allowed: ['handlerA', 'admin'], okStatus: 204 },
  { name: 'holiday calendar', method: 'get', path: () => '/admin/calendar/2026', allowed: ['admin'], okStatus: 200 },
  { name: 'audit log', method: 'get', path: () => '/admin/audit-logs', allowed: ['admin'], okStatus: 200 },
  { name: 'my session', method: 'get', path: () => '/me', allowed: actors.filter((actor) => actor !== 'anonymous'), okStatus: 200 },
  { name: 'my messages', method: 'get', path: () => '/notifications', allowed: actors.filter((actor) => actor !== 'anonymous'), okStatus: 200 },
];

let t: WechatTestApp;
let fixture: Fixture;
const sessions = new Map<Actor, LoggedIn | null>();

beforeAll(async () => {
  t = await createWechatTestApp();
  const [hallA, hallB, departmentA, departmentB] = await Promise.all([createHall(t.prisma), createHall(t.prisma), createDepartment(t.prisma), createDepartment(t.prisma)]);
  sessions.set('anonymous', null);
  sessions.set('resident', await loginAs(t));
  sessions.set('windowA', await createStaff(t, [{ role: 'WINDOW_STAFF', hallId: hallA.id }]));
  sessions.set('windowB', await createStaff(t, [{ role: 'WINDOW_STAFF', hallId: hallB.id }]));
  sessions.set('handlerA', await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: departmentA.id }]));
  sessions.set('handlerB', await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: departmentB.id }]));
  sessions.set('officeA', await createStaff(t, [{ role: 'MAILBOX_OFFICE', departmentId: departmentA.id }]));
  sessions.set('officeB', await createStaff(t, [{ role: 'MAILBOX_OFFICE', departmentId: departmentB.id }]));
  sessions.set('admin', await createStaff(t, [{ role: 'ADMIN' }]));
  const unbound = await t.prisma.staffAccount.create({ data: { name: '待绑定' }, select: { id: true } });
  const item = await t.prisma.serviceItem.create({
    data: {
      code: `11331000AA-GG-${String(Date.now() % 10000).padStart(4, '0')}`, name: '测试事项', type: 'PUBLIC_SERVICE', departmentId: departmentA.id, audience: 'INDIVIDUAL',
      themes: ['测试'], keywords: ['测试'], basis: [], conditions: [], statutoryDays: 1, promisedDays: 1, onSiteTrips: 1, onlineDepth: 'LEVEL_2',
      deliveryMethods: ['WINDOW_PICKUP'], hours: '工作日', status: 'PUBLISHED', revisedAt: new Date(),
    },
    select: { code: true },
  });
  fixture = { hallA: hallA.id, departmentA: departmentA.id, unboundAccountId: unbound.id, itemA: item.code };
});
afterAll(async () => {
  await t.close();
});

const cells = routes.flatMap((route) => actors.map((actor) => ({ route, actor, expected: route.allowed.includes(actor) ? route.okStatus : actor === 'anonymous' ? 401 : 403 })));

describe('role × scope matrix', () => {
  it.each(cells.map((cell) => [cell.route.name, cell.actor, cell.expected, cell] as const))('%s as %s → %i', async (_name, actor, expected, cell) => {
    const session = sessions.get(actor);
    let call = request(t.app.callback())[cell.route.method](cell.route.path(fixture));
    if (session) call = call.set(session.auth);
    const response = cell.route.body ? await call.send(cell.route.body) : await call;
    expect(response.status).toBe(expected);
    if (expected >= 400) expect(response.body.error.code).toBe(expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });

  it('covers every actor for every route', () => {
    expect(cells).toHaveLength(routes.length * actors.length);
  });
});
