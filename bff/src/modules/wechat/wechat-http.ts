/**
 * The transport under every mini-program server API call: a configurable base URL (the fake
 * WeChat in tests and the demo), a timeout, and WeChat's `{errcode, errmsg}` convention, where a
 * missing errcode means success.
 */
export class WechatApiError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string, readonly api: string) {
    super(`WeChat ${api} answered ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** WeChat could not be reached or answered with a system error: worth a retry later, never a 500. */
export class WechatUnavailableError extends Error {
  constructor(readonly api: string, cause?: unknown) {
    super(`WeChat ${api} is unavailable`, { cause });
    this.name = 'WechatUnavailableError';
  }
}

export type WechatHttp = {
  get: <T>(api: string, query: Record<string, string>) => Promise<T>;
  post: <T>(api: string, query: Record<string, string>, body: unknown) => Promise<T>;
};

type WechatEnvelope = { errcode?: number; errmsg?: string };

export function createWechatHttp({ baseUrl, timeoutMs = 5000, fetchImpl = fetch }: { baseUrl: string; timeoutMs?: number; fetchImpl?: typeof fetch }): WechatHttp {
  const call = async <T>(method: 'GET' | 'POST', api: string, query: Record<string, string>, body?: unknown): Promise<T> => {
    const url = new URL(api, baseUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new WechatUnavailableError(api, error);
    }
    if (response.status >= 500) throw new WechatUnavailableError(api, new Error(`HTTP ${response.status}`));
    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      throw new WechatUnavailableError(api, error);
    }
    const envelope = (typeof payload === 'object' && payload !== null ? payload : {}) as WechatEnvelope;
    const errcode = envelope.errcode ?? 0;
    if (errcode === -1) throw new WechatUnavailableError(api, new Error(envelope.errmsg ?? 'system error'));
    if (errcode !== 0) throw new WechatApiError(errcode, envelope.errmsg ?? '', api);
    return payload as T;
  };
  return {
    get: (api, query) => call('GET', api, query),
    post: (api, query, body) => call('POST', api, query, body),
  };
}
