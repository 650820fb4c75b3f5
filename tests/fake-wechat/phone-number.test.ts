import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { findDemoPersona } from '@govpocket/shared';
import { numberAt, stringAt } from './support/json';
import { wechatApi } from './support/wechat-api';

let fake: FakeWechat;
let api: ReturnType<typeof wechatApi>;
let token: string;

beforeAll(async () => {
  fake = await startFakeWechat();
  api = wechatApi(fake);
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.control.reset();
  token = await api.classicToken();
});

const getPhone = (code: string, accessToken = token) => api.post('/wxa/business/getuserphonenumber', { code }, accessToken);

describe('POST /wxa/business/getuserphonenumber', () => {
  it("returns the persona's phone with a watermark of the app", async () => {
    const persona = findDemoPersona('resident-li');
    if (!persona) throw new Error('persona missing');
    const { code } = fake.control.mintPhoneCode({ personaKey: 'resident-li' });
    const answer = await getPhone(code);
    expect(answer.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: persona.phone,
        purePhoneNumber: persona.phone,
        countryCode: '86',
        watermark: { timestamp: expect.any(Number), appid: fake.appid },
      },
    });
  });

  it('generates a 138… number for unknown users and honours an explicit phone', async () => {
    const generated = await getPhone(fake.control.mintPhoneCode('o_nobody').code);
    expect(stringAt(generated.json, 'phone_info', 'purePhoneNumber')).toMatch(/^138\d{8}$/);
    const minted = await fetch(`${fake.url}/__control/phone-code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid: 'o_chosen', phone: '13900001111' }) }).then((response) => response.json());
    expect(stringAt((await getPhone(stringAt(minted, 'code'))).json, 'phone_info', 'phoneNumber')).toBe('13900001111');
  });

  it('accepts each code once (40029 afterwards, and for unknown codes)', async () => {
    const { code } = fake.control.mintPhoneCode('o_once');
    expect(numberAt((await getPhone(code)).json, 'errcode')).toBe(0);
    expect(numberAt((await getPhone(code)).json, 'errcode')).toBe(40029);
    expect(numberAt((await getPhone('made-up')).json, 'errcode')).toBe(40029);
  });

  it('needs a valid access token', async () => {
    const { code } = fake.control.mintPhoneCode('o_token');
    expect(numberAt((await getPhone(code, 'bogus')).json, 'errcode')).toBe(40001);
    expect(numberAt((await api.post('/wxa/business/getuserphonenumber', { code })).json, 'errcode')).toBe(41001);
  });
});
