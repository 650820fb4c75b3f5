/**
 * Where the BFF and the fake WeChat are. The bundle carries build-time defaults (`TARO_APP_*`,
 * defaulted in config/index.ts). The H5 demo may be pointed elsewhere at runtime, so one build
 * serves any port layout (end-to-end tests run their own BFF next to a developer's demo):
 *
 * 1. `window.__GOVPOCKET_CONFIG__ = { apiBase, fakeWechatUrl }`, set by a script that runs before
 *    the app (a test's `page.addInitScript`, or a line in index.html of a deployment);
 * 2. `?api=…&wx=…` in the page URL (before the `#`), honoured only for loopback addresses, so a
 *    link from elsewhere can never send a resident's token to a foreign server.
 *
 * The weapp build ignores both: mini-programs may only call the domains registered for them.
 */
type EndpointOverrides = { apiBase?: string; fakeWechatUrl?: string };

/** Hosts a `?api=` / `?wx=` override may name. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const buildTime = {
  apiBase: process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000',
  fakeWechatUrl: process.env.TARO_APP_FAKE_WECHAT_URL || 'http://127.0.0.1:9800',
};

const overrides: EndpointOverrides = process.env.TARO_ENV === 'h5' ? readBrowserOverrides() : {};

export const apiBaseUrl = trimSlash(overrides.apiBase ?? buildTime.apiBase);
export const fakeWechatUrl = trimSlash(overrides.fakeWechatUrl ?? buildTime.fakeWechatUrl);

/**
 * The H5 build is the browser demo: there is no WeChat client, so login goes through the demo
 * persona picker and the fake WeChat server instead of `wx.login`.
 */
export const isBrowserDemo = process.env.TARO_ENV === 'h5';

function readBrowserOverrides(): EndpointOverrides {
  if (typeof window === 'undefined') return {};
  const injected: unknown = Reflect.get(window, '__GOVPOCKET_CONFIG__');
  const params = new URLSearchParams(window.location.search);
  return {
    apiBase: httpUrl(field(injected, 'apiBase')) ?? loopbackUrl(params.get('api')),
    fakeWechatUrl: httpUrl(field(injected, 'fakeWechatUrl')) ?? loopbackUrl(params.get('wx')),
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

function loopbackUrl(value: string | null): string | undefined {
  const url = httpUrl(value);
  return url !== undefined && loopbackHosts.has(new URL(url).hostname) ? url : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
