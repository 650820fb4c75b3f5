import request from 'supertest';
import { guideErrorReportViewSchema, homeScreenSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';

let t: WechatTestApp;
let police: { id: string };
let otherDepartment: { id: string };
let policeHandler: LoggedIn;
let otherHandler: LoggedIn;
let passportCode: string;

beforeAll(async () => {
  t = await createWechatTestApp();
  await ensureDemoSeeded(t.prisma);
  police = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市公安局' } });
  otherDepartment = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市民政局' } });
  policeHandler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: police.id }]);
  otherHandler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: otherDepartment.id }]);
  passportCode = (await t.prisma.serviceItem.findFirstOrThrow({ where: { name: '普通护照签发' } })).code;
}, 60000);
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());

describe('指南纠错', () => {
  it('reaches the owning department only; its answer reaches the resident', async () => {
    const resident = await loginAs(t);
    const reported = await api().post(`/guides/${passportCode}/error-reports`).set(resident.auth).send({ category: 'FEE', content: '收费标准写的是120元，窗口说现在已经调整了，请核实。' });
    expect(reported.status).toBe(201);
    const report = guideErrorReportViewSchema.parse(reported.body);
    expect(report).toMatchObject({ itemCode: passportCode, status: 'PENDING', answer: null });

    const handlerMessages = await t.prisma.notification.findMany({ where: { userId: policeHandler.userId, eventType: 'GUIDE_ERROR_REPORTED' } });
    expect(handlerMessages.map((message) => message.body).join()).toContain('普通护照签发');
    expect(await t.prisma.notification.count({ where: { userId: otherHandler.userId, eventType: 'GUIDE_ERROR_REPORTED' } })).toBe(0);

    const policeList = await api().get(`/staff/departments/${police.id}/guide-error-reports?status=PENDING`).set(policeHandler.auth);
    expect(policeList.body.items.map((item: { id: string }) => item.id)).toContain(report.id);
    expect((await api().get(`/staff/departments/${police.id}/guide-error-reports`).set(otherHandler.auth)).status).toBe(403);
    const foreignAnswer = await api().post(`/staff/departments/${otherDepartment.id}/guide-error-reports/${report.id}/answer`).set(otherHandler.auth).send({ answer: '已核实' });
    expect(foreignAnswer.status).toBe(404);

    const answered = await api().post(`/staff/departments/${police.id}/guide-error-reports/${report.id}/answer`).set(policeHandler.auth).send({ answer: '感谢反馈，收费标准仍为120元，指南无误。' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'ANSWERED', answer: '感谢反馈，收费标准仍为120元，指南无误。' });
    expect((await api().post(`/staff/departments/${police.id}/guide-error-reports/${report.id}/answer`).set(policeHandler.auth).send({ answer: '再答一次' })).status).toBe(409);

    const mine = await api().get('/me/guide-error-reports').set(resident.auth);
    expect(mine.body.items[0]).toMatchObject({ id: report.id, status: 'ANSWERED' });
    const residentMessage = await t.prisma.notification.findFirstOrThrow({ where: { userId: resident.userId, eventType: 'GUIDE_ERROR_ANSWERED' } });
    expect(residentMessage.body).toContain('普通护照签发');
    const audit = await t.prisma.auditLog.findMany({ where: { entityId: report.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['GUIDE_ERROR_REPORTED', 'GUIDE_ERROR_ANSWERED']);
  });

  it('refuses abusive text and bad input, storing nothing', async () => {
    const resident = await loginAs(t);
    const before = await t.prisma.guideErrorReport.count();
    const abusive = await api().post(`/guides/${passportCode}/error-reports`).set(resident.auth).send({ category: 'OTHER', content: '办事员都是傻逼，什么都不懂' });
    expect(abusive.status).toBe(422);
    expect((await api().post(`/guides/${passportCode}/error-reports`).set(resident.auth).send({ category: 'NOPE', content: '内容足够长了吧' })).status).toBe(400);
    expect((await api().post(`/guides/${passportCode}/error-reports`).set(resident.auth).send({ category: 'FEE', content: '短' })).status).toBe(400);
    expect((await api().post('/guides/NO-SUCH/error-reports').set(resident.auth).send({ category: 'FEE', content: '这个事项不存在吧' })).status).toBe(404);
    expect(await t.prisma.guideErrorReport.count()).toBe(before);
  });
});

describe('GET /home', () => {
  it('answers the home screen in one request, signed out and signed in', async () => {
    const anonymous = homeScreenSchema.parse((await api().get('/home')).body);
    expect(anonymous.hotGuides).toHaveLength(8);
    expect(anonymous.lifeEvents.map((event) => event.name)).toEqual(expect.arrayContaining(['新生儿出生', '开办企业', '退休', '二手房交易']));
    expect(anonymous).toMatchObject({ nextAppointment: null, unreadCount: null });

    const resident = await loginAs(t);
    const signedIn = homeScreenSchema.parse((await api().get('/home').set(resident.auth)).body);
    expect(signedIn.unreadCount).toBe(0);
  });
});
