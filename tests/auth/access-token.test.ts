import Redis from 'ioredis';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import { createAccessTokenManager, type AccessTokenManager } from '../../bff/src/modules/wechat/access-token';
import { createMiniProgramApi } from '../../bff/src/modules/wechat/mini-program-api';
import { createWechatHttp } from '../../bff/src/modules/wechat/wechat-http';

let fake: FakeWechat;
const connections: Redis[] = [];
const keyPrefix = `test:token:${process.pid}:`;

/** Two BFF "processes": each has its own Redis connection and token manager, sharing the cache. */
function processes(count: number): AccessTokenManager[] {
  return Array.from({ length: count }, () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    connections.push(redis);
    return createAccessTokenManager({ http: createWechatHttp({ baseUrl: fake.url }), redis, appid: fake.appid, secret: fake.secret, keyPrefix });
  });
}

const issuedTokens = (): number => fake.state.accessTokens.size;

beforeAll(async () => {
  fake = await startFakeWechat({ pages: [...miniProgramPages] });
});
afterAll(async () => {
  await Promise.all(connections.map((redis) => redis.quit()));
  await fake.close();
});

describe('one access_token for the whole fleet', () => {
  it('fetches one token for many concurrent callers across processes', async () => {
    const [a, b] = processes(2);
    if (!a || !b) throw new Error('two managers expected');
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? a : b).get()));
    expect(new Set(tokens).size).toBe(1);
    expect(issuedTokens()).toBe(1);
  });

  it('on 42001/40001 only the holder of the failed token refreshes, once, and every caller succeeds', async () => {
    const [a, b] = processes(2);
    if (!a || !b) throw new Error('two managers expected');
    const before = await a.get();
    fake.control.advanceClock(7300); // the token has expired at WeChat, though our cache still holds it
    const apis = [a, b].map((tokens) => createMiniProgramApi({ http: createWechatHttp({ baseUrl: fake.url }), tokens, appid: fake.appid, secret: fake.secret }));
    const phones = await Promise.all(
      Array.from({ length: 10 }, (_, index) => {
        const { code } = fake.control.mintPhoneCode({ personaKey: 'resident-zhang' });
        return apis[index % 2]?.getPhoneNumber(code);
      }),
    );
    expect(phones.every((phone) => phone?.purePhoneNumber === '13857610001')).toBe(true);
    const after = await b.get();
    expect(after).not.toBe(before);
    expect(issuedTokens()).toBe(2);
  });
});
