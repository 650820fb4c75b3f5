import request from 'supertest';
import { guideDetailSchema, guideInputSchema, type GuideInput } from '@govpocket/shared';
import { guideDetailToInput } from '../../bff/src/modules/guide/guide-input';
import { createTestApp, type TestApp } from '../support/test-app';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, type LoggedIn } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';
import { eventually } from '../support/eventually';

let t: WechatTestApp;
let second: TestApp;
let admin: LoggedIn;
let policeHandler: LoggedIn;
let civilAffairsHandler: LoggedIn;
let idCardCode: string;

beforeAll(async () => {
  t = await createWechatTestApp();
  second = await createTestApp();
  await ensureDemoSeeded(t.prisma);
  const police = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市公安局' } });
  const civil = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市民政局' } });
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
  policeHandler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: police.id }]);
  civilAffairsHandler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: civil.id }]);
  idCardCode = (await t.prisma.serviceItem.findFirstOrThrow({ where: { name: '居民身份证申领' } })).code;
}, 60000);
afterAll(async () => {
  await second.close();
  await t.close();
});

const api = () => request(t.app.callback());

async function currentInput(code: string): Promise<GuideInput> {
  return guideDetailToInput(guideDetailSchema.parse((await api().get(`/admin/guides/${code}`).set(admin.auth)).body));
}

describe('guide maintenance', () => {
  it('every save makes a new version; old versions stay readable; a second instance sees the edit at once', async () => {
    const before = guideDetailSchema.parse((await request(second.app.callback()).get(`/guides/${idCardCode}`)).body);
    const input = await currentInput(idCardCode);
    const saved = await api().put(`/admin/guides/${idCardCode}`).set(policeHandler.auth).send({ ...input, consultPhone: '0576-88001234', changeNote: '更新咨询电话' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: before.version + 1, consultPhone: '0576-88001234' });

    const after = await eventually(
      async () => guideDetailSchema.parse((await request(second.app.callback()).get(`/guides/${idCardCode}`)).body),
      (detail) => detail.version === before.version + 1,
    );
    expect(after).toMatchObject({ version: before.version + 1, consultPhone: '0576-88001234' });
    expect(after.materials.map((material) => material.id)).toEqual(before.materials.map((material) => material.id));

    const versions = (await api().get(`/guides/${idCardCode}/versions`)).body.versions as Array<{ version: number; changeNote: string | null }>;
    expect(versions[0]).toMatchObject({ version: before.version + 1, changeNote: '更新咨询电话' });
    const old = await api().get(`/guides/${idCardCode}/versions/${before.version}`);
    expect(old.status).toBe(200);
    expect(old.body.version).toBe(before.version);
    expect(old.body.guide.consultPhone).not.toBe('0576-88001234');
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: idCardCode, action: 'GUIDE_SAVED' } });
    expect(audit.actorUserId).toBe(policeHandler.userId);
  });

  it('creates a new guide unpublished; publishing shows it, unpublishing hides it', async () => {
    const template = await currentInput(idCardCode);
    const input: GuideInput = { ...template, code: '11331000GA-GG-0999', type: 'PUBLIC_SERVICE', name: '户籍证明开具', keywords: ['户籍证明', '开证明'], lifeEvents: [] };
    const created = await api().post('/admin/guides').set(admin.auth).send(input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'UNPUBLISHED', version: 1 });
    expect((await api().get(`/guides/${input.code}`)).status).toBe(404);
    expect((await api().post('/admin/guides').set(admin.auth).send(input)).status).toBe(409);

    await api().post(`/admin/guides/${input.code}/publish`).set(admin.auth).expect(204);
    expect((await api().get(`/guides/${input.code}`)).status).toBe(200);
    expect((await api().get('/guide-search?q=hjzm')).body.items.map((item: { code: string }) => item.code)).toContain(input.code);
    await api().post(`/admin/guides/${input.code}/unpublish`).set(admin.auth).expect(204);
    expect((await api().get(`/guides/${input.code}`)).status).toBe(404);
  });

  it('refuses guides that break the national guide rules, with the reasons', async () => {
    const input = await currentInput(idCardCode);
    const broken = { ...input, promisedDays: input.statutoryDays + 1, materials: input.materials.map((material, index) => (index === 0 ? { ...material, isRequired: false, condition: null } : material)) };
    const response = await api().put(`/admin/guides/${idCardCode}`).set(admin.auth).send(broken);
    expect(response.status).toBe(400);
    const messages = JSON.stringify(response.body);
    expect(messages).toContain('承诺时限不能超过法定时限');
    expect(messages).toContain('非必需材料须写明适用情形');
    expect(guideInputSchema.safeParse({ ...input, code: 'bad' }).success).toBe(false);
  });

  it('accepts only https links for blank forms and samples (no javascript: or data:)', async () => {
    const input = await currentInput(idCardCode);
    const withLink = (field: 'blankFormUrl' | 'sampleUrl', url: string) => ({ ...input, materials: input.materials.map((material, index) => (index === 0 ? { ...material, [field]: url } : material)) });
    for (const url of ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'http://zwfw.example.cn/form.docx', 'vbscript:x', 'https://a:b@zwfw.example.cn/x']) {
      for (const field of ['blankFormUrl', 'sampleUrl'] as const) {
        const response = await api().put(`/admin/guides/${idCardCode}`).set(admin.auth).send({ ...withLink(field, url), changeNote: '链接' });
        expect(response.status).toBe(400);
        expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: `materials.0.${field}`, message: expect.stringContaining('https://') })]));
      }
    }
    const saved = await api().put(`/admin/guides/${idCardCode}`).set(admin.auth).send({ ...withLink('blankFormUrl', 'https://zwfw.example.cn/form.docx'), changeNote: '上传空白表格' });
    expect(saved.status).toBe(200);
  });

  it('a department handler lists only their own department’s guides', async () => {
    const listed = await api().get('/admin/guides?pageSize=100').set(civilAffairsHandler.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(5);
    expect(listed.body.items.every((item: { departmentName: string }) => item.departmentName === '清江市民政局')).toBe(true);
    expect((await api().get('/admin/guides?pageSize=100').set(admin.auth)).body.total).toBeGreaterThanOrEqual(48);
  });

  it('a department handler maintains only their own department’s guides', async () => {
    const input = await currentInput(idCardCode);
    expect((await api().put(`/admin/guides/${idCardCode}`).set(civilAffairsHandler.auth).send(input)).status).toBe(403);
    expect((await api().post(`/admin/guides/${idCardCode}/unpublish`).set(civilAffairsHandler.auth)).status).toBe(403);
  });
});
