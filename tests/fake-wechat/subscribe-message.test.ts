import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { field, numberAt, stringAt } from './support/json';
import { wechatApi } from './support/wechat-api';

const templateId = 'TPL_TEST_BOOKING';
const openid = 'o_subscriber';

let fake: FakeWechat;
let api: ReturnType<typeof wechatApi>;
let token: string;

beforeAll(async () => {
  fake = await startFakeWechat({
    subscribeTemplates: { [templateId]: ['thing1', 'time2', 'character_string3'], TPL_PAY: ['amount1', 'phrase2'] },
    pages: ['pages/index/index', 'pages/booking/detail'],
  });
  api = wechatApi(fake);
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.control.reset();
  fake.control.upsertUser({ openid });
  token = await api.classicToken();
});

const validData = { thing1: { value: '护照办理' }, time2: { value: '2026年11月22日 15:01' }, character_string3: { value: 'GP-0001' } };
const send = (body: Record<string, unknown>) => api.post('/cgi-bin/message/subscribe/send', { touser: openid, template_id: templateId, data: validData, ...body }, token);

describe('POST /cgi-bin/message/subscribe/send', () => {
  it('sends once per one-time acceptance, then answers 43101', async () => {
    fake.control.acceptSubscription({ openid, templateId });
    const sent = await send({ page: 'pages/booking/detail?id=7', miniprogram_state: 'formal', lang: 'zh_CN' });
    expect(sent.json).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    const again = await send({});
    expect(numberAt(again.json, 'errcode')).toBe(43101);
    expect(stringAt(again.json, 'errmsg')).toMatch(/^user refuse to accept the msg/);
    expect(fake.control.subscribeMessages(openid)).toEqual([
      expect.objectContaining({ touser: openid, templateId, page: 'pages/booking/detail?id=7', data: { thing1: '护照办理', time2: '2026年11月22日 15:01', character_string3: 'GP-0001' }, errcode: 0 }),
    ]);
    expect(fake.state.subscribeAttempts.map((attempt) => attempt.errcode)).toEqual([0, 43101]);
  });

  it('counts acceptances (count) and never runs out of long-term ones', async () => {
    fake.control.acceptSubscription({ openid, templateId, count: 2 });
    expect(numberAt((await send({})).json, 'errcode')).toBe(0);
    expect(numberAt((await send({})).json, 'errcode')).toBe(0);
    expect(numberAt((await send({})).json, 'errcode')).toBe(43101);
    fake.control.acceptSubscription({ openid, templateId, longTerm: true });
    for (let index = 0; index < 3; index += 1) expect(numberAt((await send({})).json, 'errcode')).toBe(0);
    fake.control.revokeSubscription(openid, templateId);
    expect(numberAt((await send({})).json, 'errcode')).toBe(43101);
  });

  it('does not use up an acceptance on a rejected message', async () => {
    fake.control.acceptSubscription({ openid, templateId });
    expect(numberAt((await send({ data: { ...validData, thing1: { value: '' } } })).json, 'errcode')).toBe(47003);
    expect(numberAt((await send({})).json, 'errcode')).toBe(0);
  });

  it.each([
    [{ touser: 'o_stranger' }, 40003],
    [{ touser: '' }, 40003],
    [{ template_id: 'TPL_UNKNOWN' }, 40037],
    [{ page: 'pages/nowhere/index' }, 41030],
    [{ miniprogram_state: 'beta' }, 47003],
    [{ data: { thing1: { value: '护照办理' }, time2: { value: '2026年11月22日 15:01' } } }, 47003],
  ])('rejects %p with %i', async (body, errcode) => {
    fake.control.acceptSubscription({ openid, templateId, longTerm: true });
    expect(numberAt((await send(body)).json, 'errcode')).toBe(errcode);
  });

  it('names the offending field in 47003', async () => {
    fake.control.acceptSubscription({ openid, templateId });
    const tooLong = await send({ data: { ...validData, thing1: { value: '这是一个超过二十个字的事项名称用来测试长度限制是否生效' } } });
    expect(stringAt(tooLong.json, 'errmsg')).toMatch(/^argument invalid! data\.thing1\.value invalid/);
    const badTime = await send({ data: { ...validData, time2: { value: '下周三' } } });
    expect(stringAt(badTime.json, 'errmsg')).toMatch(/data\.time2\.value invalid/);
    const missing = await send({ data: { thing1: validData.thing1, time2: validData.time2 } });
    expect(stringAt(missing.json, 'errmsg')).toMatch(/data\.character_string3\.value is empty/);
    const badAmount = await api.post('/cgi-bin/message/subscribe/send', { touser: openid, template_id: 'TPL_PAY', data: { amount1: { value: '120' }, phrase2: { value: '支付成功' } } }, token);
    expect(stringAt(badAmount.json, 'errmsg')).toMatch(/data\.amount1\.value invalid/);
  });

  it('records every attempt with its errcode', async () => {
    await send({ touser: 'o_stranger' });
    await send({});
    expect(fake.state.subscribeAttempts).toEqual([
      expect.objectContaining({ touser: 'o_stranger', errcode: 40003 }),
      expect.objectContaining({ touser: openid, errcode: 43101, data: expect.objectContaining({ thing1: '护照办理' }) }),
    ]);
  });

  it('needs a current access token', async () => {
    fake.control.acceptSubscription({ openid, templateId });
    const answer = await api.post('/cgi-bin/message/subscribe/send', { touser: openid, template_id: templateId, data: validData }, 'stale');
    expect(numberAt(answer.json, 'errcode')).toBe(40001);
    expect(fake.state.subscribeAttempts).toEqual([expect.objectContaining({ touser: openid, errcode: 40001 })]);
    expect(fake.control.subscribeMessages()).toHaveLength(0);
  });

  it('is driven by the HTTP control API too', async () => {
    const post = (path: string, body: unknown) => fetch(`${fake.url}/__control${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/subscribe', { openid, templateId: 'TPL_UNKNOWN' })).status).toBe(404);
    expect((await post('/subscribe', { openid, templateId, count: 1 })).status).toBe(200);
    expect(numberAt((await send({})).json, 'errcode')).toBe(0);
    const listed = await fetch(`${fake.url}/__control/subscribe-messages?openid=${openid}`).then((response) => response.json());
    expect(field(listed, 'messages')).toEqual([expect.objectContaining({ templateId, errcode: 0 })]);
    await post('/templates', { templateId: 'TPL_NEW', keys: ['thing1'] });
    await post('/subscribe', { openid, templateId: 'TPL_NEW', longTerm: true });
    await post('/subscribe', { personaKey: 'resident-zhang', templateId: 'TPL_NEW', longTerm: true });
    expect(fake.state.acceptances.get('oDEMO_resident_zhangxm TPL_NEW')?.isLongTerm).toBe(true);
    const sent = await api.post('/cgi-bin/message/subscribe/send', { touser: openid, template_id: 'TPL_NEW', data: { thing1: { value: '新模板' } } }, token);
    expect(numberAt(sent.json, 'errcode')).toBe(0);
  });
});
