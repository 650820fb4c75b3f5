import request from 'supertest';
import {
  checklistSchema,
  guideCatalogSchema,
  guideDetailSchema,
  guideListResponseSchema,
  guideSearchResponseSchema,
} from '@govpocket/shared';
import { flushViewCounts } from '../../bff/src/modules/guide/service';
import { createTestApp, type TestApp } from '../support/test-app';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';
import { eventually } from '../support/eventually';

let t: WechatTestApp;
let second: TestApp;
const passport = '普通护照签发';

beforeAll(async () => {
  t = await createWechatTestApp();
  second = await createTestApp();
  await ensureDemoSeeded(t.prisma);
}, 60000);
afterAll(async () => {
  await second.close();
  await t.close();
});

const api = () => request(t.app.callback());
const codeOf = async (name: string): Promise<string> => (await t.prisma.serviceItem.findFirstOrThrow({ where: { name } })).code;

describe('browse', () => {
  it('lists the published guides in pages with a total', async () => {
    const first = guideListResponseSchema.parse((await api().get('/guides?pageSize=20')).body);
    expect(first.total).toBe(48);
    expect(first.items).toHaveLength(20);
    const third = guideListResponseSchema.parse((await api().get('/guides?page=3&pageSize=20')).body);
    expect(third.items).toHaveLength(8);
    expect(new Set([...first.items, ...third.items].map((item) => item.code)).size).toBe(28);
  });

  it('filters by department, audience, theme and life event, with counts from the catalogue', async () => {
    const catalog = guideCatalogSchema.parse((await api().get('/guide-catalog')).body);
    expect(catalog.departments.reduce((sum, department) => sum + department.itemCount, 0)).toBe(48);
    const police = catalog.departments.find((department) => department.name === '清江市公安局');
    expect(police?.itemCount).toBe(6);
    const byDepartment = guideListResponseSchema.parse((await api().get(`/guides?departmentId=${police?.id}`)).body);
    expect(byDepartment.total).toBe(6);
    expect(byDepartment.items.every((item) => item.departmentName === '清江市公安局')).toBe(true);

    for (const audience of catalog.audiences) {
      expect(guideListResponseSchema.parse((await api().get(`/guides?audience=${audience.value}`)).body).total).toBe(audience.itemCount);
    }
    const theme = catalog.themes[0];
    expect(guideListResponseSchema.parse((await api().get(`/guides?theme=${encodeURIComponent(theme?.name ?? '')}`)).body).total).toBe(theme?.itemCount);
    const newborn = catalog.lifeEvents.find((event) => event.name === '新生儿出生');
    expect(newborn?.itemCount).toBeGreaterThan(0);
    expect(guideListResponseSchema.parse((await api().get(`/guides?lifeEvent=${encodeURIComponent('新生儿出生')}`)).body).total).toBe(newborn?.itemCount);
    expect((await api().get('/guides?pageSize=500')).status).toBe(400);
  });
});

describe('search', () => {
  it('finds 护照 by "hz", highlighted, first', async () => {
    const result = guideSearchResponseSchema.parse((await api().get('/guide-search?q=hz')).body);
    expect(result.items[0]?.name).toBe(passport);
    expect(result.items[0]?.highlight).toEqual([{ text: '普通', isMatch: false }, { text: '护照', isMatch: true }, { text: '签发', isMatch: false }]);
  });

  it('finds by Chinese, full pinyin and keywords; an empty query is a clear 400', async () => {
    expect(guideSearchResponseSchema.parse((await api().get(`/guide-search?q=${encodeURIComponent('身份证')}`)).body).items[0]?.name).toBe('居民身份证申领');
    expect(guideSearchResponseSchema.parse((await api().get('/guide-search?q=yingye')).body).items.map((item) => item.name)).toContain('企业设立登记（有限责任公司）');
    const empty = await api().get('/guide-search?q=');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('请输入要搜索的事项');
  });
});

describe('detail', () => {
  it('shows every element of the national guide, with ETag and 304', async () => {
    const code = await codeOf(passport);
    const response = await api().get(`/guides/${code}`);
    expect(response.status).toBe(200);
    const detail = guideDetailSchema.parse(response.body);
    expect(detail).toMatchObject({ name: passport, departmentName: '清江市公安局', isMaxOneTrip: true, status: 'PUBLISHED' });
    expect(detail.basis.length).toBeGreaterThan(0);
    expect(detail.materials.length).toBeGreaterThan(0);
    expect(detail.steps.length).toBeGreaterThan(0);
    expect(detail.halls.length).toBeGreaterThan(0);
    expect(detail.fee).toMatchObject({ isCharged: true, amountFen: 12000 });
    expect(detail.faq.length).toBeGreaterThan(0);
    expect(detail.supervisePhone).toBe('12345');

    const etag = response.headers.etag;
    expect(etag).toMatch(/^W\//);
    const again = await api().get(`/guides/${code}`).set('If-None-Match', etag ?? '');
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await api().get('/guides/NO-SUCH-CODE')).status).toBe(404);
  });

  it('an edit reaches a second app instance at once (versioned cache)', async () => {
    const code = await codeOf('出版物零售单位设立');
    const before = guideDetailSchema.parse((await request(second.app.callback()).get(`/guides/${code}`)).body);
    await t.prisma.serviceItem.update({ where: { code }, data: { consultPhone: '0576-88009999' } });
    await t.app.guideCache.bump();
    // The bump is published to every process; the other instance serves the edit right away.
    const after = await eventually(
      async () => guideDetailSchema.parse((await request(second.app.callback()).get(`/guides/${code}`)).body),
      (detail) => detail.consultPhone === '0576-88009999',
    );
    expect(before.consultPhone).not.toBe('0576-88009999');
    expect(after.consultPhone).toBe('0576-88009999');
  });

  it('counts views in Redis and writes them to the database in one go', async () => {
    const code = await codeOf('内地居民结婚登记');
    const before = (await t.prisma.serviceItem.findUniqueOrThrow({ where: { code } })).viewCount;
    for (let view = 0; view < 3; view += 1) await api().get(`/guides/${code}`);
    await t.app.guideCache.flushLocalViews();
    await flushViewCounts({ prisma: t.prisma, cache: t.app.guideCache });
    expect((await t.prisma.serviceItem.findUniqueOrThrow({ where: { code } })).viewCount).toBe(before + 3);
  });
});

describe('a resident’s checklist, favourites and recently viewed', () => {
  it('keeps ticks per user and item, and says what is still missing', async () => {
    const person = await loginAs(t);
    const code = await codeOf(passport);
    const empty = checklistSchema.parse((await api().get(`/guides/${code}/checklist`).set(person.auth)).body);
    expect(empty.isReady).toBe(false);
    const required = empty.materials.filter((material) => material.isRequired);
    const ticked = required.slice(0, 2).map((material) => material.id);
    const updated = checklistSchema.parse((await api().put(`/guides/${code}/checklist`).set(person.auth).send({ checkedMaterialIds: ticked })).body);
    expect(updated.materials.filter((material) => material.isChecked).map((material) => material.id)).toEqual(ticked);
    expect(updated.missingRequired).toEqual(required.slice(2).map((material) => material.name));

    const other = await loginAs(t);
    expect(checklistSchema.parse((await api().get(`/guides/${code}/checklist`).set(other.auth)).body).materials.some((material) => material.isChecked)).toBe(false);
    expect((await api().put(`/guides/${code}/checklist`).set(person.auth).send({ checkedMaterialIds: ['not-a-material'] })).status).toBe(400);
    expect((await api().get(`/guides/${code}/checklist`)).status).toBe(401);
  });

  it('favourites and recently viewed', async () => {
    const person = await loginAs(t);
    const code = await codeOf(passport);
    await api().get(`/guides/${code}`).set(person.auth).expect(200);
    expect((await api().get('/me/recent-guides').set(person.auth)).body.items[0]).toMatchObject({ code, name: passport });
    await api().put(`/guides/${code}/favourite`).set(person.auth).expect(204);
    await api().put(`/guides/${code}/favourite`).set(person.auth).expect(204);
    expect((await api().get('/me/favourites').set(person.auth)).body.items.map((item: { code: string }) => item.code)).toEqual([code]);
    await api().delete(`/guides/${code}/favourite`).set(person.auth).expect(204);
    expect((await api().get('/me/favourites').set(person.auth)).body.items).toEqual([]);
    expect((await api().put('/guides/NO-SUCH/favourite').set(person.auth)).status).toBe(404);
  });
});
