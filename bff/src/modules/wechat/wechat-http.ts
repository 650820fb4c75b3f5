import { z } from 'zod';

/**
 * The transport under every mini-program server API call: a configurable base URL (the fake
 * WeChat in tests and the demo), a timeout, and WeChat's `{errcode, errmsg}` convention, where a
 * missing errcode means success. Every answer is parsed with the caller's zod schema, never cast:
 * an answer of the wrong shape is a `WechatMalformedAnswerError` (a kind of unavailability, 503 to
 * the caller), not a crash further in.
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

/** WeChat answered 2xx with something that is not the documented answer. */
export class WechatMalformedAnswerError extends WechatUnavailableError {
  constructor(api: string, issues: string) {
    super(api, new Error(`malformed answer: ${issues}`));
    this.name = 'WechatMalformedAnswerError';
  }
}

export type WechatHttp = {
  get: <T>(api: string, query: Record<string, string>, schema: z.ZodType<T>) => Promise<T>;
  post: <T>(api: string, query: Record<string, string>, body: unknown, schema: z.ZodType<T>) => Promise<T>;
};

const envelopeSchema = z.object({ errcode: z.number().int().optional(), errmsg: z.string().optional() });

/** What a failed parse says, for the logs: paths and codes only, never the answer's values. */
function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'} ${issue.code}`).join('; ');
}

export function createWechatHttp({ baseUrl, timeoutMs = 5000, fetchImpl = fetch }: { baseUrl: string; timeoutMs?: number; fetchImpl?: typeof fetch }): WechatHttp {
  const call = async <T>(method: 'GET' | 'POST', api: string, query: Record<string, string>, body: unknown, schema: z.ZodType<T>): Promise<T> => {
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
    const envelope = envelopeSchema.safeParse(payload);
    if (!envelope.success) throw new WechatMalformedAnswerError(api, describeIssues(envelope.error));
    const errcode = envelope.data.errcode ?? 0;
    if (errcode === -1) throw new WechatUnavailableError(api, new Error(envelope.data.errmsg ?? 'system error'));
    if (errcode !== 0) throw new WechatApiError(errcode, envelope.data.errmsg ?? '', api);
    const answer = schema.safeParse(payload);
    if (!answer.success) throw new WechatMalformedAnswerError(api, describeIssues(answer.error));
    return answer.data;
  };
  return {
    get: (api, query, schema) => call('GET', api, query, undefined, schema),
    post: (api, query, body, schema) => call('POST', api, query, body, schema),
  };
}
