import { consultationListResponseSchema, feedbackReportSchema, openDataExportSchema } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { ensureDemoSeeded } from '../support/seeded';
import { api } from './consultation-env';

let t: WechatTestApp;

beforeAll(async () => {
  t = await createWechatTestApp();
  await ensureDemoSeeded(t.prisma);
}, 60000);
afterAll(async () => {
  await t.close();
});

describe('the seeded consultations', () => {
  it('reads the open draft and the published feedback report written by the seed', async () => {
    const list = consultationListResponseSchema.parse((await api(t).get('/consultations')).body);
    const open = list.items.find((item) => item.title.includes('养犬管理规定'));
    expect(open).toMatchObject({ status: 'OPEN' });
    expect(open?.daysLeft).toBeGreaterThan(0);
    const published = list.items.find((item) => item.status === 'FEEDBACK_PUBLISHED');
    expect(published).toBeDefined();

    const report = feedbackReportSchema.parse((await api(t).get(`/consultations/${published?.id}/feedback`)).body);
    expect(report.version).toBe(1);
    expect(report.report.totals.opinions).toBe(published?.opinionCount);
    const data = openDataExportSchema.parse((await api(t).get(`/consultations/${published?.id}/open-data`)).body);
    expect(data.opinions).toHaveLength(report.report.totals.opinions);
  });
});
