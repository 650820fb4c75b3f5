import { connect } from 'node:net';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { demoPersonas } from '@govpocket/shared';
import { field, numberAt, stringAt } from './support/json';
import { wechatApi } from './support/wechat-api';

let fake: FakeWechat;
let api: ReturnType<typeof wechatApi>;

beforeAll(async () => {
  fake = await startFakeWechat();
  api = wechatApi(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

describe('GET /sns/jscode2session', () => {
  it('exchanges a minted code for openid and session_key, without errcode', async () => {
    const { code } = fake.control.mintLoginCode('o_test_user_0001');
    const answer = await api.code2Session(code);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ openid: 'o_test_user_0001', session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) });
  });

  it('returns the unionid when the user has one', async () => {
    fake.control.upsertUser({ openid: 'o_union', unionid: 'u_union_1' });
    const answer = await api.code2Session(fake.control.mintLoginCode('o_union').code);
    expect(stringAt(answer.json, 'unionid')).toBe('u_union_1');
  });

  it('rotates the session_key on every login', async () => {
    const first = await api.code2Session(fake.control.mintLoginCode('o_rotate').code);
    const second = await api.code2Session(fake.control.mintLoginCode('o_rotate').code);
    expect(stringAt(first.json, 'session_key')).not.toBe(stringAt(second.json, 'session_key'));
  });

  it('answers 40163 for a code used twice and 40029 for an unknown one', async () => {
    const { code } = fake.control.mintLoginCode('o_twice');
    await api.code2Session(code);
    const reused = await api.code2Session(code);
    expect(reused.status).toBe(200);
    expect(numberAt(reused.json, 'errcode')).toBe(40163);
    expect(stringAt(reused.json, 'errmsg')).toMatch(/^code been used, rid: /);
    expect(numberAt((await api.code2Session('nonsense')).json, 'errcode')).toBe(40029);
  });

  it('lets codes expire after five minutes', async () => {
    const { code } = fake.control.mintLoginCode('o_slow');
    fake.control.advanceClock(5 * 60 + 1);
    expect(numberAt((await api.code2Session(code)).json, 'errcode')).toBe(40029);
  });

  it.each([
    [{ appid: 'wx0000000000000000' }, 40013],
    [{ appid: '' }, 41002],
    [{ secret: 'wrong' }, 40125],
    [{ secret: '' }, 41004],
    [{ grant_type: 'client_credential' }, 40002],
    [{ js_code: '' }, 41008],
  ])('checks the app credentials first: %p → %i', async (overrides, errcode) => {
    const { code } = fake.control.mintLoginCode('o_creds');
    expect(numberAt((await api.code2Session(code, overrides)).json, 'errcode')).toBe(errcode);
  });

  it('refuses high-risk users with 40226', async () => {
    fake.control.upsertUser({ openid: 'o_risky', isHighRisk: true });
    expect(numberAt((await api.code2Session(fake.control.mintLoginCode('o_risky').code)).json, 'errcode')).toBe(40226);
  });

  it('mints codes for demo personas through the HTTP control API', async () => {
    const persona = demoPersonas[0];
    if (!persona) throw new Error('no demo personas');
    const minted = await fetch(`${fake.url}/__control/login-code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personaKey: persona.key }) }).then((response) => response.json());
    expect(field(minted, 'openid')).toBe(persona.openid);
    expect(field((await api.code2Session(stringAt(minted, 'code'))).json, 'openid')).toBe(persona.openid);
  });
});

describe('outages', () => {
  it('answers errcode -1 "system error" while WeChat is down, then recovers', async () => {
    fake.control.setOutage('errcode-1');
    const { code } = fake.control.mintLoginCode('o_outage');
    const down = await api.code2Session(code);
    expect(down.status).toBe(200);
    expect(numberAt(down.json, 'errcode')).toBe(-1);
    expect(stringAt(down.json, 'errmsg')).toMatch(/^system error/);
    fake.control.setOutage('none');
    expect(field((await api.code2Session(code)).json, 'openid')).toBe('o_outage');
  });

  it('can answer HTTP 503 for the whole API but never for /__control', async () => {
    await fetch(`${fake.url}/__control/outage`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'http-503' }) });
    expect((await fetch(`${fake.url}/sns/jscode2session?appid=x`)).status).toBe(503);
    expect((await fetch(`${fake.url}/__control/keys`)).status).toBe(200);
  });

  it('can drop connections without an answer', async () => {
    fake.control.setOutage('connection-reset');
    await expect(fetch(`${fake.url}/cgi-bin/token?grant_type=client_credential`)).rejects.toThrow();
    // Raw socket: the fake closes it without writing a byte.
    const bytes = await new Promise<number>((resolve) => {
      const socket = connect(fake.port, '127.0.0.1', () => socket.write('GET /cgi-bin/token HTTP/1.1\r\nHost: x\r\n\r\n'));
      let count = 0;
      socket.on('data', (chunk) => (count += chunk.length));
      socket.on('close', () => resolve(count));
      socket.on('error', () => undefined);
    });
    expect(bytes).toBe(0);
  });

  it('can limit the outage to WeChat Pay', async () => {
    fake.control.setOutage('http-503', 'pay');
    const { code } = fake.control.mintLoginCode('o_scope');
    expect(field((await api.code2Session(code)).json, 'openid')).toBe('o_scope');
    expect((await fetch(`${fake.url}/v3/certificates`)).status).toBe(503);
  });
});
