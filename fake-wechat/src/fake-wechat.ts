import { createClock, type Clock } from './clock';
import { createControl, type FakeWechatControl } from './control/control';
import { generateKeyMaterial, type MerchantCredentials, type PlatformKeys } from './crypto/key-material';
import { initialSettings, seedState, type FakeContext } from './fake-context';
import { resolveOptions, type FakeWechatOptions } from './options';
import { createScheduler } from './scheduler';
import { createFakeWechatApp, listen } from './server';
import { createEmptyState, type FakeWechatState } from './state';

export type FakeWechat = {
  /** `http://127.0.0.1:PORT`: the base URL for both api.weixin.qq.com and api.mch.weixin.qq.com. */
  url: string;
  port: number;
  appid: string;
  secret: string;
  merchant: MerchantCredentials;
  platform: PlatformKeys;
  /** Live in-memory records (users, codes, tokens, sends, checks, orders, refunds, deliveries). */
  state: FakeWechatState;
  control: FakeWechatControl;
  /** The fake's clock; `control.advanceClock` moves it. */
  clock: Clock;
  close(): Promise<void>;
};

/** Starts a fake WeChat (mini-program server API + WeChat Pay v3) with fresh keys. */
export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const resolved = resolveOptions(options);
  const fake: FakeContext = {
    options: resolved,
    clock: createClock(resolved.startTime),
    state: createEmptyState(initialSettings(resolved)),
    keys: await generateKeyMaterial(resolved.mchid),
    scheduler: createScheduler(),
  };
  seedState(fake);
  const control = createControl(fake);
  const server = await listen(createFakeWechatApp(fake, control), resolved.host, resolved.port);
  return {
    url: server.url,
    port: server.port,
    appid: resolved.appid,
    secret: resolved.secret,
    merchant: fake.keys.merchant,
    platform: fake.keys.platform,
    state: fake.state,
    control,
    clock: fake.clock,
    close: async () => {
      fake.scheduler.cancelAll();
      await server.close();
    },
  };
}
