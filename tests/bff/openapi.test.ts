import ExcelJS from 'exceljs';
import request from 'supertest';
import { encryptPersonal, hashPersonal } from '@govpocket/db';
import { z } from 'zod';
import {
  appointmentResponseSchema,
  bindingCodeSchema,
  createStaffAccountResponseSchema,
  feeOrderResponseSchema,
  guideDetailSchema,
  letterReceiptResponseSchema,
  mailboxListResponseSchema,
  staffConsultationSchema,
} from '@govpocket/shared';
import { openDueConsultations } from '../../bff/src/modules/consultation';
import { guideDetailToInput } from '../../bff/src/modules/guide/guide-input';
import { bookingKey, createBookingHall, createHallStaff, createResident, slotAt, startBookingEnv, type BookingEnv } from '../booking/booking-env';
import { draftInput } from '../consultation/consultation-env';
import { routeKey, routesOf } from '../reliability/routes';
import { createStaff, loginAs } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';
import { asObject, createSchemaValidator, isObject, type Json, type SchemaValidator } from '../support/json-schema';

/**
 * GET /openapi.json: structurally valid OpenAPI 3.1, every route of the router documented and
 * every documented operation served by it, and real answers of the API valid against the
 * published schemas (every area: guides, booking, mailbox, consultation, fees, account, platform).
 * No OpenAPI validator package is installed, so the structure is checked here and the schemas by
 * a small JSON Schema 2020-12 validator that refuses keywords it does not know (so a schema it
 * cannot judge fails instead of passing unchecked). The app runs on the booking suites' clock
 * (a Monday), with the demo city seeded for guides, mailboxes and consultations.
 */
let t: BookingEnv;
let doc: Json;
let schemas: Json;
let validate: SchemaValidator['validate'];
let assertSchemaShape: SchemaValidator['assertSchemaShape'];

beforeAll(async () => {
  t = await startBookingEnv('2026-11-23 08:00');
  await ensureDemoSeeded(t.prisma);
  const response = await request(t.app.callback()).get('/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toContain('application/json');
  doc = asObject(response.body, 'document');
  schemas = asObject(asObject(doc.components, 'components').schemas, 'components.schemas');
  ({ validate, assertSchemaShape } = createSchemaValidator(schemas));
}, 60000);
beforeEach(() => t.setNow('2026-11-23 08:00'));
afterAll(async () => {
  await t.close();
});

// ─── the document ───

const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
type Operation = { path: string; method: string; operation: Json };
function operations(): Operation[] {
  return Object.entries(asObject(doc.paths, 'paths')).flatMap(([path, item]) =>
    Object.entries(asObject(item, path)).filter(([method]) => methods.includes(method)).map(([method, operation]) => ({ path, method, operation: asObject(operation, `${method} ${path}`) })),
  );
}
const koaPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** One request of the API: the documented operation it exercises and, for a JSON body, the body sent. */
type Call = { path: string; method: 'get' | 'put' | 'post' | 'delete'; run: () => request.Test | Promise<request.Response>; body?: unknown };

/** Runs the calls in order, each body and answer checked against the schema the document publishes for it; the `METHOD path status` seen. */
async function checkAnswers(calls: Call[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const call of calls) {
    const operation = asObject(asObject(asObject(doc.paths, 'paths')[call.path], call.path)[call.method], `${call.method} ${call.path}`);
    const where = `${call.method.toUpperCase()} ${call.path}`;
    if (call.body !== undefined) {
      const bodySchema = asObject(asObject(asObject(operation.requestBody, where).content, where)['application/json'], where).schema;
      expect({ where, errors: validate(bodySchema, call.body) }).toEqual({ where, errors: [] });
    }
    const response = await call.run();
    const responses = asObject(operation.responses, where);
    // Every status an example meets is documented in its own right, not only by `default`.
    expect({ where, status: response.status, isDocumented: String(response.status) in responses }).toEqual({ where, status: response.status, isDocumented: true });
    const declared = asObject(responses[String(response.status)], `${where} ${response.status}`);
    seen.add(`${where} ${response.status}`);
    const json = isObject(declared.content) ? declared.content['application/json'] : undefined;
    if (!isObject(json)) {
      expect({ where, status: response.status, body: response.text ?? '' }).toEqual({ where, status: response.status, body: '' });
      continue;
    }
    expect({ where, status: response.status, errors: validate(json.schema, response.body) }).toEqual({ where, status: response.status, errors: [] });
  }
  return seen;
}

describe('GET /openapi.json', () => {
  it('is a structurally valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(asObject(doc.info, 'info')).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String) }));
    const securitySchemes = asObject(asObject(doc.components, 'components').securitySchemes, 'securitySchemes');
    expect(securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [id, schema] of Object.entries(schemas)) assertSchemaShape(schema, `#/components/schemas/${id}`);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['ErrorBody', 'GuideDetail', 'GuideInput', 'GuideImportResult', 'GuideImportErrorBody']));

    const operationIds = new Set<string>();
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path.startsWith('/')).toBe(true);
      expect(typeof operation.operationId).toBe('string');
      expect(operationIds.has(String(operation.operationId))).toBe(false);
      operationIds.add(String(operation.operationId));
      const parameters = Array.isArray(operation.parameters) ? operation.parameters.map((parameter) => asObject(parameter, where)) : [];
      for (const parameter of parameters) {
        expect(['query', 'path', 'header', 'cookie']).toContain(parameter.in);
        assertSchemaShape(parameter.schema, `${where} parameter ${String(parameter.name)}`);
      }
      // Every {param} of the path is a required path parameter, and no other path parameter exists.
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
      const declared = parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name).sort()).toEqual(templated);
      expect(declared.every((parameter) => parameter.required === true)).toBe(true);
      for (const requirement of Array.isArray(operation.security) ? operation.security : []) for (const scheme of Object.keys(asObject(requirement, where))) expect(securitySchemes).toHaveProperty(scheme);
      const responses = asObject(operation.responses, `${where} responses`);
      expect(Object.keys(responses).length).toBeGreaterThan(0);
      for (const [status, value] of Object.entries(responses)) {
        const answer = asObject(value, `${where} ${status}`);
        expect(status).toMatch(/^([1-5](\d\d|XX)|default)$/);
        expect(typeof answer.description).toBe('string');
        for (const media of Object.values(isObject(answer.content) ? answer.content : {})) assertSchemaShape(asObject(media, where).schema, `${where} ${status}`);
      }
      if (isObject(operation.requestBody)) for (const media of Object.values(asObject(operation.requestBody.content, where))) assertSchemaShape(asObject(media, where).schema, `${where} body`);
    }
  });

  it('documents every route of the app, and only routes it serves, each reaching the documented handler', () => {
    const routes = new Set(t.app.router.stack.flatMap((layer) => (typeof layer.path === 'string' ? layer.methods.map((method) => `${method} ${layer.path}`) : [])));
    const documented = new Set<string>();
    for (const { path, method } of operations()) {
      const route = `${method.toUpperCase()} ${koaPath(path)}`;
      documented.add(route);
      expect({ route, isServed: routes.has(route) }).toEqual({ route, isServed: true });
      // The first route a concrete URL reaches is the documented one (not shadowed by `/:code`).
      const concrete = koaPath(path).replace(/:(\w+)/g, 'X1');
      const first = t.app.router.match(concrete, method.toUpperCase()).pathAndMethod.find((layer) => layer.methods.length > 0);
      expect({ route, reaches: first?.path }).toEqual({ route, reaches: koaPath(path) });
    }
    const undocumented = routesOf(t.app).map(routeKey).filter((route) => !documented.has(route));
    expect(undocumented).toEqual([]);
  });

  it('guide answers of the real API are valid against the published schemas', async () => {
    const api = () => request(t.app.callback());
    const admin = await createStaff(t, [{ role: 'ADMIN' }]);
    const resident = await loginAs(t);
    const police = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市公安局' } });
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: police.id }]);
    const code = (await t.prisma.serviceItem.findFirstOrThrow({ where: { name: '居民身份证申领', status: 'PUBLISHED' } })).code;
    const input = guideDetailToInput(guideDetailSchema.parse((await api().get(`/admin/guides/${code}`).set(admin.auth)).body));
    const checklist = (await api().get(`/guides/${code}/checklist`).set(resident.auth)).body as { materials: Array<{ id: string }> };
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('办事指南');
    sheet.addRow(['事项编码']);
    sheet.addRow(['x']);
    const badSheet = Buffer.from(await workbook.xlsx.writeBuffer());

    const calls: Call[] = [
      { path: '/guides', method: 'get', run: () => api().get('/guides?pageSize=5') },
      { path: '/guides', method: 'get', run: () => api().get('/guides?pageSize=500') },
      { path: '/guide-catalog', method: 'get', run: () => api().get('/guide-catalog') },
      { path: '/guide-search', method: 'get', run: () => api().get('/guide-search?q=身份证') },
      { path: '/guides/{code}', method: 'get', run: () => api().get(`/guides/${code}`).set(resident.auth) },
      { path: '/guides/{code}', method: 'get', run: () => api().get('/guides/NO-SUCH-CODE') },
      { path: '/guides/{code}/versions', method: 'get', run: () => api().get(`/guides/${code}/versions`) },
      { path: '/guides/{code}/versions/{version}', method: 'get', run: () => api().get(`/guides/${code}/versions/1`) },
      { path: '/guides/{code}/checklist', method: 'get', run: () => api().get(`/guides/${code}/checklist`).set(resident.auth) },
      { path: '/guides/{code}/checklist', method: 'put', body: { checkedMaterialIds: checklist.materials.slice(0, 1).map((material) => material.id) }, run: () => api().put(`/guides/${code}/checklist`).set(resident.auth).send({ checkedMaterialIds: checklist.materials.slice(0, 1).map((material) => material.id) }) },
      { path: '/guides/{code}/favourite', method: 'put', run: () => api().put(`/guides/${code}/favourite`).set(resident.auth) },
      { path: '/guides/{code}/error-reports', method: 'post', body: { category: 'MATERIALS', content: '材料清单里的照片规格写错了' }, run: () => api().post(`/guides/${code}/error-reports`).set(resident.auth).send({ category: 'MATERIALS', content: '材料清单里的照片规格写错了' }) },
      { path: '/me/favourites', method: 'get', run: () => api().get('/me/favourites').set(resident.auth) },
      { path: '/me/favourites', method: 'get', run: () => api().get('/me/favourites') },
      { path: '/me/recent-guides', method: 'get', run: () => api().get('/me/recent-guides').set(resident.auth) },
      { path: '/me/guide-error-reports', method: 'get', run: () => api().get('/me/guide-error-reports').set(resident.auth) },
      { path: '/home', method: 'get', run: () => api().get('/home') },
      { path: '/home', method: 'get', run: () => api().get('/home').set(resident.auth) },
      { path: '/staff/departments/{departmentId}/guide-error-reports', method: 'get', run: () => api().get(`/staff/departments/${police.id}/guide-error-reports`).set(handler.auth) },
      { path: '/admin/guides', method: 'get', run: () => api().get('/admin/guides?pageSize=3').set(admin.auth) },
      { path: '/admin/guides/{code}', method: 'get', run: () => api().get(`/admin/guides/${code}`).set(admin.auth) },
      { path: '/admin/guides/{code}', method: 'put', body: input, run: () => api().put(`/admin/guides/${code}`).set(admin.auth).send({ ...input, changeNote: 'OpenAPI 测试' }) },
      { path: '/admin/guides/{code}', method: 'put', run: () => api().put(`/admin/guides/${code}`).set(resident.auth).send(input) },
      { path: '/admin/guides/import', method: 'post', run: () => api().post('/admin/guides/import?dryRun=true').set(admin.auth).attach('file', badSheet, '办事指南.xlsx') },
      { path: '/guides/{code}/favourite', method: 'delete', run: () => api().delete(`/guides/${code}/favourite`).set(resident.auth) },
    ];
    // The demo city's guides only: the booking env's test item is bookable but not a complete guide.
    const exported = await api().get(`/admin/guides/export.csv?departmentId=${police.id}`).set(admin.auth).buffer(true);
    calls.push({ path: '/admin/guides/import', method: 'post', run: () => api().post('/admin/guides/import?dryRun=true').set(admin.auth).set('Content-Type', 'text/csv').send(Buffer.from(exported.text)) });

    const seen = await checkAnswers(calls);
    // The examples cover successes and the documented error answers alike.
    expect([...seen]).toEqual(expect.arrayContaining(['GET /guides 200', 'GET /guides 400', 'GET /guides/{code} 404', 'GET /me/favourites 401', 'PUT /admin/guides/{code} 403', 'POST /admin/guides/import 400', 'POST /admin/guides/import 200', 'PUT /guides/{code}/favourite 204']));
  });
  it('answers of every other area are valid against the published schemas', async () => {
    const api = () => request(t.app.callback());
    // 预约: a hall of the booking suites, booked for tomorrow morning.
    const hall = await createBookingHall(t, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', capacity: 5 }] });
    const slot = await slotAt(t, hall.hallId, '2026-11-24 09:00');
    const [booker, secondBooker] = [await createResident(t), await createResident(t)];
    const windowStaff = await createHallStaff(t, hall.hallId);
    const admin = await createStaff(t, [{ role: 'ADMIN' }]);
    const booking = { itemCode: t.itemCode, slotId: slot.id };
    const booked = await api().post('/appointments').set(booker.auth).set('Idempotency-Key', bookingKey()).send(booking);
    expect(booked.status).toBe(201);
    const appointmentId = (booked.body as { appointment: { id: string } }).appointment.id;

    // 信箱: a resident with a bound phone writes to the demo city's first mailbox.
    const writer = await loginAs(t);
    const phone = '13912345678';
    await t.prisma.user.update({ where: { id: writer.userId }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: writer.userId }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
    const mailbox = mailboxListResponseSchema.parse((await api().get('/mailboxes')).body).mailboxes[0];
    if (!mailbox) throw new Error('the demo city has no mailbox');
    const letterBody = { mailboxId: mailbox.id, type: 'SUGGEST', title: '建议增设滨江路公交站台', body: '滨江路沿线小区居民较多，但最近的公交站台相距一公里，老人出行很不方便，建议增设站台。', isPublishAgreed: true };
    const { ownerDepartmentId } = await t.prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, select: { ownerDepartmentId: true } });
    const office = await createStaff(t, [{ role: 'MAILBOX_OFFICE', departmentId: ownerDepartmentId }]);
    const submitted = await api().post('/letters').set(writer.auth).set('Idempotency-Key', `letter-${bookingKey()}`).send(letterBody);
    const letter = letterReceiptResponseSchema.parse(submitted.body).letter;

    // 意见征集: the demo city's consultations, and a handler of their department.
    const consultation = await t.prisma.consultation.findFirstOrThrow({ where: { status: { not: 'DRAFT' } }, select: { id: true, departmentId: true } });
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: consultation.departmentId }]);

    const calls: Call[] = [
      { path: '/healthz', method: 'get', run: () => api().get('/healthz') },
      { path: '/readyz', method: 'get', run: () => api().get('/readyz') },
      { path: '/openapi.json', method: 'get', run: () => api().get('/openapi.json') },
      { path: '/me', method: 'get', run: () => api().get('/me').set(windowStaff.auth) },
      { path: '/me', method: 'get', run: () => api().get('/me') },
      { path: '/me/profile', method: 'get', run: () => api().get('/me/profile').set(writer.auth) },
      { path: '/me/preferences', method: 'put', body: { isElderMode: true }, run: () => api().put('/me/preferences').set(writer.auth).send({ isElderMode: true }) },
      { path: '/admin/staff-accounts', method: 'get', run: () => api().get('/admin/staff-accounts').set(admin.auth) },
      { path: '/admin/calendar/{year}', method: 'get', run: () => api().get('/admin/calendar/2026').set(admin.auth) },
      { path: '/admin/audit-logs', method: 'get', run: () => api().get('/admin/audit-logs?limit=5').set(admin.auth) },
      { path: '/staff/halls/{hallId}/overview', method: 'get', run: () => api().get(`/staff/halls/${hall.hallId}/overview`).set(windowStaff.auth) },
      { path: '/staff/departments/{departmentId}/overview', method: 'get', run: () => api().get(`/staff/departments/${ownerDepartmentId}/overview`).set(office.auth) },
      { path: '/files/{fileId}/url', method: 'get', run: () => api().get('/files/no-such-file/url').set(writer.auth) },
      { path: '/notifications', method: 'get', run: () => api().get('/notifications').set(booker.auth) },
      { path: '/notifications/unread-count', method: 'get', run: () => api().get('/notifications/unread-count').set(booker.auth) },
      { path: '/notifications/subscriptions', method: 'get', run: () => api().get('/notifications/subscriptions').set(booker.auth) },
      { path: '/booking/items/{code}/halls', method: 'get', run: () => api().get(`/booking/items/${t.itemCode}/halls`) },
      { path: '/booking/halls/{hallId}/days', method: 'get', run: () => api().get(`/booking/halls/${hall.hallId}/days?itemCode=${t.itemCode}`) },
      { path: '/booking/halls/{hallId}/slots', method: 'get', run: () => api().get(`/booking/halls/${hall.hallId}/slots?itemCode=${t.itemCode}&date=2026-11-24`) },
      { path: '/appointments', method: 'post', body: booking, run: () => api().post('/appointments').set(secondBooker.auth).set('Idempotency-Key', bookingKey()).send(booking) },
      { path: '/appointments', method: 'get', run: () => api().get('/appointments').set(booker.auth) },
      { path: '/appointments/{id}', method: 'get', run: () => api().get(`/appointments/${appointmentId}`).set(booker.auth) },
      { path: '/appointments/{id}/queue', method: 'get', run: () => api().get(`/appointments/${appointmentId}/queue`).set(booker.auth) },
      { path: '/me/booking-status', method: 'get', run: () => api().get('/me/booking-status').set(booker.auth) },
      { path: '/staff/halls/{hallId}/appointments', method: 'get', run: () => api().get(`/staff/halls/${hall.hallId}/appointments?date=2026-11-24`).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/windows', method: 'get', run: () => api().get(`/staff/halls/${hall.hallId}/windows`).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/windows', method: 'get', run: () => api().get(`/staff/halls/${hall.hallId}/windows`).set(office.auth) },
      { path: '/admin/halls/{hallId}/schedule', method: 'get', run: () => api().get(`/admin/halls/${hall.hallId}/schedule`).set(admin.auth) },
      { path: '/mailboxes', method: 'get', run: () => api().get('/mailboxes') },
      { path: '/letters', method: 'post', body: letterBody, run: () => api().post('/letters').set(writer.auth).set('Idempotency-Key', `letter-${bookingKey()}`).send({ ...letterBody, title: '建议延长滨江路公交末班车时间' }) },
      { path: '/letters', method: 'get', run: () => api().get('/letters').set(writer.auth) },
      { path: '/letters/{id}', method: 'get', run: () => api().get(`/letters/${letter.id}`).set(writer.auth) },
      { path: '/letters/lookup', method: 'post', body: { trackingCode: letter.trackingCode, phoneLast4: phone.slice(-4) }, run: () => api().post('/letters/lookup').send({ trackingCode: letter.trackingCode, phoneLast4: phone.slice(-4) }) },
      { path: '/public/letters', method: 'get', run: () => api().get('/public/letters?limit=5') },
      { path: '/public/letter-stats', method: 'get', run: () => api().get('/public/letter-stats?period=month&value=2026-11') },
      { path: '/staff/offices/{departmentId}/letters', method: 'get', run: () => api().get(`/staff/offices/${ownerDepartmentId}/letters?view=all`).set(office.auth) },
      { path: '/staff/letters/{id}', method: 'get', run: () => api().get(`/staff/letters/${letter.id}`).set(office.auth) },
      { path: '/consultations', method: 'get', run: () => api().get('/consultations') },
      { path: '/consultations/{id}', method: 'get', run: () => api().get(`/consultations/${consultation.id}`) },
      { path: '/me/opinions', method: 'get', run: () => api().get('/me/opinions').set(writer.auth) },
      { path: '/staff/departments/{departmentId}/consultations', method: 'get', run: () => api().get(`/staff/departments/${consultation.departmentId}/consultations`).set(handler.auth) },
      { path: '/staff/departments/{departmentId}/consultations/{id}', method: 'get', run: () => api().get(`/staff/departments/${consultation.departmentId}/consultations/${consultation.id}`).set(handler.auth) },
      { path: '/fee-orders', method: 'get', run: () => api().get('/fee-orders').set(booker.auth) },
      { path: '/payments/wechatpay/notify/transaction', method: 'post', run: () => api().post('/payments/wechatpay/notify/transaction').send({ id: 'x', event_type: 'TRANSACTION.SUCCESS', resource: {} }) },
      { path: '/me/export', method: 'get', run: () => api().get('/me/export').set(writer.auth) },
      { path: '/me/export', method: 'get', run: () => api().get('/me/export').set(booker.auth) },
      { path: '/auth/logout', method: 'post', run: () => api().post('/auth/logout').set(booker.auth) },
    ];
    const seen = await checkAnswers(calls);
    expect([...seen]).toEqual(expect.arrayContaining([
      'GET /readyz 200', 'GET /me 200', 'GET /me 401', 'GET /files/{fileId}/url 404', 'POST /appointments 201', 'GET /staff/halls/{hallId}/windows 403', 'POST /letters 201', 'POST /letters/lookup 200',
      'GET /consultations 200', 'GET /notifications 200', 'POST /payments/wechatpay/notify/transaction 400', 'POST /auth/logout 204',
    ]));
  });
  it('answers along the workflows (a visit, a letter, a consultation, an account) are valid against the published schemas', async () => {
    const api = () => request(t.app.callback());
    const admin = await createStaff(t, [{ role: 'ADMIN' }]);
    const police = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市公安局' } });
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: police.id }]);
    const resident = await loginAs(t);
    const phone = '13987654321';
    await t.prisma.user.update({ where: { id: resident.userId }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: resident.userId }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
    const hall = await createBookingHall(t, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', capacity: 5 }] });
    await t.prisma.serviceItem.update({ where: { id: t.itemId }, data: { isCharged: true, isOnlinePaymentEnabled: true } });
    const windowStaff = await createHallStaff(t, hall.hallId);
    const staffPath = (path: string): string => `/staff/halls/${hall.hallId}${path}`;
    const slot = await slotAt(t, hall.hallId, '2026-11-25 10:00');
    const otherSlot = await slotAt(t, hall.hallId, '2026-11-25 11:00');
    const booked = appointmentResponseSchema.parse((await api().post('/appointments').set(resident.auth).set('Idempotency-Key', bookingKey()).send({ itemCode: t.itemCode, slotId: slot.id })).body).appointment;
    const mailbox = mailboxListResponseSchema.parse((await api().get('/mailboxes')).body).mailboxes[0];
    if (!mailbox) throw new Error('the demo city has no mailbox');
    const { ownerDepartmentId } = await t.prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, select: { ownerDepartmentId: true } });
    const office = await createStaff(t, [{ role: 'MAILBOX_OFFICE', departmentId: ownerDepartmentId }]);
    const letter = letterReceiptResponseSchema.parse((await api().post('/letters').set(resident.auth).set('Idempotency-Key', `letter-${bookingKey()}`)
      .send({ mailboxId: mailbox.id, type: 'CONSULT', title: '咨询居住证办理需要的材料', body: '我在清江市租房居住半年，想办理居住证，请问需要准备哪些材料，在哪里办理？' })).body).letter;
    const draft = staffConsultationSchema.parse((await api().post(`/staff/departments/${police.id}/consultations`).set(handler.auth).send(draftInput({ startDate: '2026-11-23' }))).body);
    await openDueConsultations({ prisma: t.prisma }, { now: t.clock.now });
    let feeOrderId = '';
    let staffAccountId = '';
    let bindingCode = '';

    const calls: Call[] = [
      // 预约 → 签到 → 开具缴费单 → 叫号 → 办理 → 办结 → 评价
      { path: '/appointments/{id}/reschedule', method: 'post', body: { slotId: otherSlot.id }, run: () => api().post(`/appointments/${booked.id}/reschedule`).set(resident.auth).send({ slotId: otherSlot.id }) },
      { path: '/appointments/{id}/reschedule', method: 'post', body: { slotId: slot.id }, run: () => api().post(`/appointments/${booked.id}/reschedule`).set(resident.auth).send({ slotId: slot.id }) },
      {
        path: '/staff/halls/{hallId}/check-in', method: 'post', body: { code: booked.checkInCode },
        run: () => {
          t.setNow('2026-11-25 09:50'); // the day of the visit, before its slot
          return api().post(staffPath('/check-in')).set(windowStaff.auth).send({ code: booked.checkInCode });
        },
      },
      {
        path: '/staff/halls/{hallId}/fee-orders', method: 'post', body: { appointmentId: booked.id, amountFen: 2000 },
        run: async () => {
          const response = await api().post(staffPath('/fee-orders')).set(windowStaff.auth).set('Idempotency-Key', bookingKey()).send({ appointmentId: booked.id, amountFen: 2000 });
          feeOrderId = feeOrderResponseSchema.safeParse(response.body).data?.feeOrder.id ?? '';
          return response;
        },
      },
      { path: '/staff/halls/{hallId}/fee-orders', method: 'get', run: () => api().get(staffPath('/fee-orders')).set(windowStaff.auth) },
      { path: '/fee-orders/{id}', method: 'get', run: () => api().get(`/fee-orders/${feeOrderId}`).set(resident.auth) },
      { path: '/fee-orders/{id}/pay', method: 'post', run: () => api().post(`/fee-orders/${feeOrderId}/pay`).set(resident.auth) },
      { path: '/staff/halls/{hallId}/fee-orders/{id}/refunds', method: 'post', run: () => api().post(staffPath(`/fee-orders/${feeOrderId}/refunds`)).set(windowStaff.auth).set('Idempotency-Key', bookingKey()).send({ reason: '多收费用' }) },
      { path: '/staff/halls/{hallId}/windows/{windowId}/call-next', method: 'post', run: () => api().post(staffPath(`/windows/${hall.windowIds[0]}/call-next`)).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/appointments/{id}/serve', method: 'post', run: () => api().post(staffPath(`/appointments/${booked.id}/serve`)).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/appointments/{id}/complete', method: 'post', body: { isCaseFinished: true }, run: () => api().post(staffPath(`/appointments/${booked.id}/complete`)).set(windowStaff.auth).send({ isCaseFinished: true }) },
      { path: '/appointments/{id}/rating', method: 'post', body: { level: 'DISSATISFIED', tags: ['等候太久'] }, run: () => api().post(`/appointments/${booked.id}/rating`).set(resident.auth).send({ level: 'DISSATISFIED', tags: ['等候太久'] }) },
      { path: '/staff/halls/{hallId}/ratings', method: 'get', run: () => api().get(staffPath('/ratings')).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/follow-ups', method: 'get', run: () => api().get(staffPath('/follow-ups')).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/trip-stats', method: 'get', run: () => api().get(staffPath('/trip-stats')).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/pre-reviews', method: 'get', run: () => api().get(staffPath('/pre-reviews')).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/affected-bookings', method: 'get', run: () => api().get(staffPath('/affected-bookings')).set(windowStaff.auth) },
      { path: '/staff/halls/{hallId}/days/{date}/cancel', method: 'post', body: { reason: '停电检修' }, run: () => api().post(staffPath('/days/2026-11-27/cancel')).set(windowStaff.auth).send({ reason: '停电检修' }) },
      { path: '/admin/halls/{hallId}/schedule-overrides', method: 'post', body: { date: '2026-12-10', kind: 'CLOSURE', reason: '设备检修' }, run: () => api().post(`/admin/halls/${hall.hallId}/schedule-overrides`).set(admin.auth).send({ date: '2026-12-10', kind: 'CLOSURE', reason: '设备检修' }) },
      // 信件：受理 → 交办 → 答复 → 审核通过 → 评价
      { path: '/staff/letters/{id}/accept', method: 'post', run: () => api().post(`/staff/letters/${letter.id}/accept`).set(office.auth) },
      { path: '/staff/letters/{id}/notes', method: 'post', body: { body: '已电话联系来信人' }, run: () => api().post(`/staff/letters/${letter.id}/notes`).set(office.auth).send({ body: '已电话联系来信人' }) },
      { path: '/staff/letters/{id}/assign', method: 'post', body: { departmentId: police.id }, run: () => api().post(`/staff/letters/${letter.id}/assign`).set(office.auth).send({ departmentId: police.id }) },
      { path: '/staff/departments/{departmentId}/letters', method: 'get', run: () => api().get(`/staff/departments/${police.id}/letters`).set(handler.auth) },
      { path: '/staff/letters/{id}/reply', method: 'post', body: { body: '您好，办理居住证需携带身份证和租房合同，到居住地派出所办理。', isSubmitted: true }, run: () => api().post(`/staff/letters/${letter.id}/reply`).set(handler.auth).send({ body: '您好，办理居住证需携带身份证和租房合同，到居住地派出所办理。', isSubmitted: true }) },
      { path: '/staff/letters/{id}/review-reply', method: 'post', body: { decision: 'APPROVE' }, run: () => api().post(`/staff/letters/${letter.id}/review-reply`).set(office.auth).send({ decision: 'APPROVE' }) },
      { path: '/letters/{id}/rating', method: 'post', body: { satisfaction: 'SATISFIED' }, run: () => api().post(`/letters/${letter.id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' }) },
      { path: '/staff/offices/{departmentId}/overdue', method: 'get', run: () => api().get(`/staff/offices/${ownerDepartmentId}/overdue`).set(office.auth) },
      { path: '/staff/letters/{id}/publish-preview', method: 'get', run: () => api().get(`/staff/letters/${letter.id}/publish-preview`).set(office.auth) },
      // 意见征集：征集中发表意见
      { path: '/staff/departments/{departmentId}/consultations/{id}', method: 'get', run: () => api().get(`/staff/departments/${police.id}/consultations/${draft.id}`).set(handler.auth) },
      { path: '/consultations/{id}/opinions', method: 'post', body: { body: '建议允许网上报送年度测试计划。' }, run: () => api().post(`/consultations/${draft.id}/opinions`).set(resident.auth).set('Idempotency-Key', bookingKey()).send({ body: '建议允许网上报送年度测试计划。' }) },
      { path: '/me/opinions', method: 'get', run: () => api().get('/me/opinions').set(resident.auth) },
      // 账号：新建工作人员、签发绑定码、绑定；我的
      {
        path: '/admin/staff-accounts', method: 'post', body: { name: '新员工', roles: [{ role: 'WINDOW_STAFF', hallId: hall.hallId }] },
        run: async () => {
          const response = await api().post('/admin/staff-accounts').set(admin.auth).send({ name: '新员工', roles: [{ role: 'WINDOW_STAFF', hallId: hall.hallId }] });
          staffAccountId = createStaffAccountResponseSchema.safeParse(response.body).data?.account.id ?? '';
          return response;
        },
      },
      {
        path: '/admin/staff-accounts/{id}/binding-codes', method: 'post',
        run: async () => {
          const response = await api().post(`/admin/staff-accounts/${staffAccountId}/binding-codes`).set(admin.auth);
          bindingCode = z.object({ bindingCode: bindingCodeSchema }).safeParse(response.body).data?.bindingCode.code ?? '';
          return response;
        },
      },
      { path: '/staff/bind', method: 'post', run: () => api().post('/staff/bind').set(resident.auth).send({ code: bindingCode }) },
      { path: '/me/consents', method: 'post', body: { kind: 'IMAGES', version: '1' }, run: () => api().post('/me/consents').set(resident.auth).send({ kind: 'IMAGES', version: '1' }) },
      { path: '/notifications/read-all', method: 'post', run: () => api().post('/notifications/read-all').set(resident.auth) },
      { path: '/notifications/subscriptions', method: 'post', body: { results: { 'unknown-template': 'accept' } }, run: () => api().post('/notifications/subscriptions').set(resident.auth).send({ results: { 'unknown-template': 'accept' } }) },
      { path: '/admin/calendar/days/{date}', method: 'put', body: { kind: 'HOLIDAY', name: '测试假日' }, run: () => api().put('/admin/calendar/days/2099-06-01').set(admin.auth).send({ kind: 'HOLIDAY', name: '测试假日' }) },
      { path: '/admin/calendar/days/{date}', method: 'delete', run: () => api().delete('/admin/calendar/days/2099-06-01').set(admin.auth) },
    ];
    const seen = await checkAnswers(calls);
    expect([...seen]).toEqual(expect.arrayContaining([
      'POST /appointments/{id}/reschedule 200', 'POST /staff/halls/{hallId}/check-in 200', 'POST /staff/halls/{hallId}/fee-orders 201', 'POST /fee-orders/{id}/pay 503',
      'POST /staff/halls/{hallId}/appointments/{id}/complete 200', 'POST /appointments/{id}/rating 201', 'POST /staff/letters/{id}/review-reply 200', 'POST /letters/{id}/rating 200',
      'POST /consultations/{id}/opinions 201', 'POST /staff/bind 200', 'DELETE /admin/calendar/days/{date} 204',
    ]));
  });
});
