import request from 'supertest';
import { errorBodySchema } from '@govpocket/shared';
import { createHall, createStaff, type LoggedIn } from '../support/factories';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';

/**
 * Months, quarters, days and instants outside the years the product serves (2000–2100) are refused at
 * validation with a message naming the field: 9999-12 and 0000-01 once reached Prisma as an invalid
 * Date and answered 500.
 */
let t: WechatTestApp;
let admin: LoggedIn;
let clerk: LoggedIn;
let hallId: string;

beforeAll(async () => {
  t = await createWechatTestApp();
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
  hallId = (await createHall(t.prisma)).id;
  clerk = await createStaff(t, [{ role: 'WINDOW_STAFF', hallId }]);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());

async function refused(path: string, auth: Record<string, string> = {}): Promise<string> {
  const response = await api().get(path).set(auth);
  expect({ path, status: response.status }).toEqual({ path, status: 400 });
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.message;
}

const outOfRangeMonths = ['9999-12', '0000-01', '0100-01', '0999-12', '1999-12', '2101-01'];

describe('month, quarter and date parameters outside the supported years', () => {
  it('letter statistics: 400 naming the parameter, for months and quarters', async () => {
    for (const value of outOfRangeMonths) {
      expect(await refused(`/public/letter-stats?value=${value}`)).toBe('value 年份应在 2000 至 2100 之间');
    }
    for (const value of ['9999-Q4', '0000-Q1', '2101-Q1']) {
      expect(await refused(`/public/letter-stats?period=quarter&value=${value}`)).toBe('value 年份应在 2000 至 2100 之间');
    }
    expect(await refused('/public/letter-stats?value=2026-13')).toContain('格式应为 YYYY-MM');
    // The bounds themselves are served.
    expect((await api().get('/public/letter-stats?value=2000-01')).status).toBe(200);
    expect((await api().get('/public/letter-stats?period=quarter&value=2100-Q4')).status).toBe(200);
  });

  it('public letters by month', async () => {
    for (const month of outOfRangeMonths) {
      expect(await refused(`/public/letters?month=${month}`)).toBe('月份：年份应在 2000 至 2100 之间');
    }
    expect((await api().get('/public/letters?month=2100-12')).status).toBe(200);
  });

  it('booking slots and the hall day list by date', async () => {
    for (const date of ['9999-12-31', '0000-01-01', '0999-12-31', '2026-02-30', '2026-13-01']) {
      const slots = await refused(`/booking/halls/${hallId}/slots?itemCode=X-0001&date=${date}`);
      expect(slots).toMatch(/^日期/);
      const day = await refused(`/staff/halls/${hallId}/appointments?date=${date}`, clerk.auth);
      expect(day).toMatch(/^日期/);
    }
  });

  it('audit log instants', async () => {
    for (const instant of ['9999-12-31T00:00:00Z', '0000-01-01T00:00:00Z', '0100-01-01T00:00:00+08:00']) {
      await refused(`/admin/audit-logs?from=${encodeURIComponent(instant)}`, admin.auth);
      await refused(`/admin/audit-logs?to=${encodeURIComponent(instant)}`, admin.auth);
    }
    expect((await api().get(`/admin/audit-logs?from=${encodeURIComponent('2026-01-01T00:00:00+08:00')}`).set(admin.auth)).status).toBe(200);
  });

  it('calendar overrides by date in the path', async () => {
    for (const date of ['9999-12-31', '0100-01-01', '1999-12-31']) {
      const put = await api().put(`/admin/calendar/days/${date}`).set(admin.auth).send({ kind: 'HOLIDAY', name: '测试' });
      expect({ date, status: put.status }).toEqual({ date, status: 400 });
      expect(errorBodySchema.parse(put.body).error.message).toContain('年份应在 2000 至 2100 之间');
      expect((await api().delete(`/admin/calendar/days/${date}`).set(admin.auth)).status).toBe(400);
    }
  });
});
