import request from 'supertest';
import { errorBodySchema } from '@govpocket/shared';
import { loginAs, type LoggedIn } from '../support/factories';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';

/** Validation answers name the problem in Chinese: the field and what is wrong, never zod's English. */
let t: WechatTestApp;
let resident: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  resident = await loginAs(t);
});
afterAll(async () => {
  await t.close();
});

type Answer = { status: number; message: string; details: { path: string; message: string }[] };

async function answer(send: (agent: ReturnType<typeof request>) => request.Test): Promise<Answer> {
  const response = await send(request(t.app.callback()));
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return { status: response.status, message: body.error.message, details: body.error.details as Answer['details'] };
}

describe('validation answers', () => {
  it('a bad option value answers a Chinese message naming the field', async () => {
    const result = await answer((agent) => agent.get('/public/letter-stats').query({ period: 'year', value: '2026-10' }));
    expect(result.status).toBe(400);
    expect(result.message).toBe('统计周期不是可选的值，请从选项中选择');
    expect(result.details).toEqual([{ path: 'period', message: '不是可选的值，请从选项中选择' }]);
  });

  it('a schema with its own message keeps it, under the field name', async () => {
    const result = await answer((agent) =>
      agent.post('/letters').set(resident.auth).set('Idempotency-Key', 'validation-messages-0001').send({ mailboxId: 'cm0000000000000000000000', type: 'SUGGEST', title: '短', body: '内容足够长的一封来信正文' }),
    );
    expect(result.message).toBe('标题至少5个字');
  });

  it('never answers in English, whatever is wrong', async () => {
    const requests: ((agent: ReturnType<typeof request>) => request.Test)[] = [
      (agent) => agent.get('/public/letters').query({ type: 'NOPE' }),
      (agent) => agent.get('/public/letters').query({ limit: 'many' }),
      (agent) => agent.get('/public/letters').query({ limit: '500' }),
      (agent) => agent.get('/public/letter-stats').query({ period: 'quarter' }),
      (agent) => agent.post('/letters/lookup').send({ trackingCode: 42 }),
      (agent) => agent.post('/letters/lookup').send([]),
      (agent) => agent.post('/letters').set(resident.auth).send({}),
      (agent) => agent.post('/letters').set(resident.auth).send({ mailboxId: 7, type: ['SUGGESTION'], title: null, body: 'x'.repeat(3000), imageFileIds: 'a', isPublishAgreed: 'yes' }),
      (agent) => agent.post('/auth/wechat').send({ code: '' }),
      (agent) => agent.put('/me/preferences').set(resident.auth).send({ isElderMode: 'sometimes' }),
    ];
    const english = /invalid|expected|received|required|option|string|number|boolean|array|object|undefined/i;
    for (const send of requests) {
      const result = await answer(send);
      expect(result.status).toBe(400);
      expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(result.message).not.toMatch(english);
      for (const detail of result.details) {
        expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(detail.message).not.toMatch(english);
      }
    }
  });

  it('a missing query parameter is named, and a parameter given twice says it takes one value', async () => {
    const missing = await answer((agent) => agent.get('/public/letter-stats'));
    expect(missing.status).toBe(400);
    expect(missing.message).toBe('value 不能为空');
    const twice = await answer((agent) => agent.get('/public/letter-stats?value=2026-10&value=2026-11'));
    expect(twice.status).toBe(400);
    expect(twice.message).toBe('value 只能填写一个值');
    expect(twice.details).toEqual([{ path: 'value', message: '只能填写一个值' }]);
    const labelled = await answer((agent) => agent.get('/public/letters?month=2026-10&month=2026-11'));
    expect(labelled.message).toBe('月份只能填写一个值');
  });
});
