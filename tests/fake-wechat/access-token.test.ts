import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { numberAt, stringAt } from './support/json';
import { wechatApi } from './support/wechat-api';

let fake: FakeWechat;
let api: ReturnType<typeof wechatApi>;

beforeAll(async () => {
  fake = await startFakeWechat();
  api = wechatApi(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

/** Any token-protected API will do to probe a token; the phone-number one is the simplest. */
async function probe(token: string | undefined): Promise<number> {
  const answer = await api.post('/wxa/business/getuserphonenumber', { code: fake.control.mintPhoneCode('o_probe').code }, token);
  return numberAt(answer.json, 'errcode');
}

async function stableToken(forceRefresh?: boolean): Promise<{ token: string; expiresIn: number; errcode?: number }> {
  const answer = await api.post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: fake.appid, secret: fake.secret, ...(forceRefresh === undefined ? {} : { force_refresh: forceRefresh }) });
  const json = answer.json;
  if (typeof json === 'object' && json !== null && 'errcode' in json) return { token: '', expiresIn: 0, errcode: numberAt(json, 'errcode') };
  return { token: stringAt(json, 'access_token'), expiresIn: numberAt(json, 'expires_in') };
}

describe('GET /cgi-bin/token (classic)', () => {
  it('issues a 7200 s token', async () => {
    const answer = await api.get('/cgi-bin/token', { grant_type: 'client_credential', appid: fake.appid, secret: fake.secret });
    expect(answer.json).toEqual({ access_token: expect.stringMatching(/^\S{100,}$/), expires_in: expect.any(Number) });
    expect(numberAt(answer.json, 'expires_in')).toBeGreaterThanOrEqual(7199);
  });

  it('keeps the previous token valid for a 5-minute grace period only', async () => {
    const first = await api.classicToken();
    const second = await api.classicToken();
    expect(second).not.toBe(first);
    expect(await probe(first)).toBe(0);
    fake.control.advanceClock(299);
    expect(await probe(first)).toBe(0);
    fake.control.advanceClock(2);
    expect(await probe(first)).toBe(40001);
    expect(await probe(second)).toBe(0);
  });

  it('expires tokens after 7200 s with 42001', async () => {
    const token = await api.classicToken();
    fake.control.advanceClock(7199);
    expect(await probe(token)).toBe(0);
    fake.control.advanceClock(2);
    expect(await probe(token)).toBe(42001);
  });

  it('answers 41001 without a token and 40001 for an unknown one', async () => {
    expect(await probe(undefined)).toBe(41001);
    expect(await probe('87_forged')).toBe(40001);
  });

  it('rejects wrong credentials', async () => {
    const answer = await api.get('/cgi-bin/token', { grant_type: 'client_credential', appid: fake.appid, secret: 'nope' });
    expect(numberAt(answer.json, 'errcode')).toBe(40125);
  });
});

describe('POST /cgi-bin/stable_token', () => {
  it('returns the same token while it is valid, with the remaining lifetime', async () => {
    const first = await stableToken();
    fake.control.advanceClock(600);
    const again = await stableToken(false);
    expect(again.token).toBe(first.token);
    expect(again.expiresIn).toBeLessThanOrEqual(first.expiresIn - 600);
  });

  it('is independent of classic tokens', async () => {
    const stable = await stableToken();
    await api.classicToken();
    await api.classicToken();
    fake.control.advanceClock(301);
    expect(await probe(stable.token)).toBe(0);
  });

  it('force_refresh mints a new token, kills the old one, and is limited to one per 30 s (45009)', async () => {
    const first = await stableToken();
    const refreshed = await stableToken(true);
    expect(refreshed.token).not.toBe(first.token);
    expect(await probe(first.token)).toBe(40001);
    expect(await probe(refreshed.token)).toBe(0);
    expect((await stableToken(true)).errcode).toBe(45009);
    fake.control.advanceClock(31);
    expect((await stableToken(true)).token).toMatch(/^\S+$/);
  });

  it('issues a new token once the old one expired', async () => {
    const first = await stableToken();
    fake.control.advanceClock(7201);
    expect(await probe(first.token)).toBe(42001);
    const next = await stableToken();
    expect(next.token).not.toBe(first.token);
    expect(await probe(next.token)).toBe(0);
  });

  it('checks credentials in the body', async () => {
    const answer = await api.post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx_other', secret: fake.secret });
    expect(numberAt(answer.json, 'errcode')).toBe(40013);
  });
});
