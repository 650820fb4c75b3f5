/**
 * `npm run demo` starts the fake WeChat with this: FAKE_WECHAT_PORT (default 9800),
 * FAKE_WECHAT_HOST, FAKE_WECHAT_APPID / _SECRET / _MCHID, FAKE_WECHAT_TEMPLATES (JSON
 * `{templateId: [keys]}`) and FAKE_WECHAT_PUSH_URL (message-push URL for media-check events).
 * The BFF reads the generated keys from GET /__control/keys.
 */
import { startFakeWechat, type FakeWechatOptions } from './index';

function templatesFromEnv(text: string | undefined): Record<string, string[]> | undefined {
  if (!text) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('FAKE_WECHAT_TEMPLATES must be a JSON object');
  return Object.fromEntries(Object.entries(parsed).map(([id, keys]) => [id, Array.isArray(keys) ? keys.map(String) : []]));
}

async function main(): Promise<void> {
  const env = process.env;
  const options: FakeWechatOptions = {
    port: Number(env.FAKE_WECHAT_PORT ?? 9800),
    host: env.FAKE_WECHAT_HOST,
    appid: env.FAKE_WECHAT_APPID,
    secret: env.FAKE_WECHAT_SECRET,
    mchid: env.FAKE_WECHAT_MCHID,
    subscribeTemplates: templatesFromEnv(env.FAKE_WECHAT_TEMPLATES),
    messagePushUrl: env.FAKE_WECHAT_PUSH_URL,
  };
  const fake = await startFakeWechat(options);
  console.log(`fake WeChat listening on ${fake.url} (appid ${fake.appid}, mchid ${fake.merchant.mchid}; keys at ${fake.url}/__control/keys)`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('fake WeChat failed to start:', error);
  process.exit(1);
});
