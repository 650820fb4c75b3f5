import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { miniProgramPages } from '@govpocket/shared';
import type { Logger } from '../../bff/src/platform/logger';
import { createTestApp, type TestApp } from './test-app';

/** The real app wired to a fresh fake WeChat: what most HTTP suites start from. */
export type WechatTestApp = TestApp & { fake: FakeWechat };

export async function createWechatTestApp(env: Record<string, string> = {}, options: { logger?: Logger; now?: () => Date } = {}): Promise<WechatTestApp> {
  // The released mini-program's pages, so a link to any other page fails with 41030 as in production.
  const fake = await startFakeWechat({ pages: [...miniProgramPages] });
  const testApp = await createTestApp({ WECHAT_API_BASE: fake.url, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHATPAY_API_BASE: fake.url, ...env }, options);
  return {
    ...testApp,
    fake,
    close: async () => {
      await testApp.close();
      await fake.close();
    },
  };
}
