import Redis from 'ioredis';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import { AppError } from '../../bff/src/platform/errors/app-error';
import { checkResidentText, splitForCheck, type ContentSafetyDeps } from '../../bff/src/modules/content-safety/service';
import { createWordFilter, loadDefaultWordFilter, normaliseForMatching } from '../../bff/src/modules/content-safety/word-filter';
import { createAccessTokenManager } from '../../bff/src/modules/wechat/access-token';
import { createMiniProgramApi } from '../../bff/src/modules/wechat/mini-program-api';
import { createWechatHttp } from '../../bff/src/modules/wechat/wechat-http';

let fake: FakeWechat;
let redis: Redis;
let deps: ContentSafetyDeps;
const openid = 'oDEMO_resident_zhangxm';

beforeAll(async () => {
  fake = await startFakeWechat({ pages: [...miniProgramPages] });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const http = createWechatHttp({ baseUrl: fake.url, timeoutMs: 2000 });
  const tokens = createAccessTokenManager({ http, redis, appid: fake.appid, secret: fake.secret, keyPrefix: `test:cs:${process.pid}:` });
  deps = { wechat: createMiniProgramApi({ http, tokens, appid: fake.appid, secret: fake.secret }), words: loadDefaultWordFilter() };
});
afterAll(async () => {
  await redis.quit();
  await fake.close();
});
afterEach(() => {
  fake.control.setOutage('none');
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('local sensitive-word filter', () => {
  it('matches through spaces, punctuation and full-width forms', () => {
    const filter = createWordFilter({ blocked: ['代开发票'], review: ['加微信'] });
    expect(filter.check('可以 代-开 发　票 吗').blocked).toEqual(['代开发票']);
    expect(filter.check('有事加ＷＥＩ信'.replace('ＷＥＩ', '微')).review).toEqual(['加微信']);
    expect(normaliseForMatching('Ａ Ｂ，c')).toBe('abc');
  });

  it('ships maintained word lists', () => {
    const filter = loadDefaultWordFilter();
    expect(filter.check('出售冰毒').blocked).toContain('冰毒');
    expect(filter.check('小区路灯坏了三个月没人修').blocked).toEqual([]);
  });
});

describe('resident text through content safety', () => {
  it('passes ordinary text, with WeChat trace id', async () => {
    const verdict = await checkResidentText(deps, { text: '建议在滨江路增设公交站台，方便老人出行。', title: '增设公交站台的建议', openid });
    expect(verdict).toMatchObject({ status: 'PASS', reasons: [] });
    expect(verdict.traceId).toMatch(/.+/);
    expect(fake.state.contentChecks.at(-1)).toMatchObject({ openid, traceId: verdict.traceId });
  });

  it('refuses locally blocked words without asking WeChat', async () => {
    const before = fake.state.contentChecks.length;
    const error = await rejection(checkResidentText(deps, { text: '有人在小区门口 代 开 发 票', openid }));
    expect(error).toMatchObject({ code: 'CONTENT_REJECTED', status: 422 });
    expect(fake.state.contentChecks.length).toBe(before);
  });

  it('refuses what WeChat calls risky (decided on result.suggest, errcode is 0)', async () => {
    const error = await rejection(checkResidentText(deps, { text: '小区里有人聚众赌博，影响很坏', openid }));
    expect(error.code).toBe('CONTENT_REJECTED');
    expect(error.userMessage).toBe('内容可能含有违规信息，请修改后再提交');
  });

  it('holds what WeChat or the review list marks for review', async () => {
    fake.control.setSensitiveWords({ review: ['内部消息'] });
    const fromWechat = await checkResidentText(deps, { text: '听说有内部消息说要拆迁', openid });
    expect(fromWechat).toMatchObject({ status: 'REVIEW', reasons: ['微信内容安全建议人工复核'] });
    const fromList = await checkResidentText(deps, { text: '需要帮助请加我微信联系', openid });
    expect(fromList.status).toBe('REVIEW');
  });

  it('stores as pending review when WeChat is unreachable: never lost, never passed unchecked', async () => {
    fake.control.setOutage('http-503');
    expect(await checkResidentText(deps, { text: '路面塌陷需要维修', openid })).toMatchObject({ status: 'PENDING', traceId: null });
    fake.control.setOutage('errcode-1');
    expect((await checkResidentText(deps, { text: '路面塌陷需要维修', openid })).status).toBe('PENDING');
  });

  it('checks long text in parts of at most 2,500 characters', async () => {
    expect(splitForCheck('办'.repeat(5001), 2500).map((part) => part.length)).toEqual([2500, 2500, 1]);
    const before = fake.state.contentChecks.length;
    await checkResidentText(deps, { text: '情况说明。'.repeat(600), openid });
    expect(fake.state.contentChecks.length - before).toBe(2);
  });
});
