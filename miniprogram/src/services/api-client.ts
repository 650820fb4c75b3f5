import Taro from '@tarojs/taro';
import { errorBodySchema } from '@govpocket/shared';
import { sessionStore } from '@/session/session-store';
import {
  ApiError,
  badResponseMessage,
  codeForStatus,
  isErrorCode,
  messageForStatus,
  networkUnavailableMessage,
} from './api-error';
import { apiBaseUrl, fakeWechatUrl } from './env';

/** Structural view of a zod schema, so callers pass the schemas from `@govpocket/shared` as they are. */
export type ResponseSchema<T> = {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
};

/** For 204 No Content, or a body the caller has no use for. */
export const ignoreResponseBody: ResponseSchema<void> = {
  safeParse: () => ({ success: true, data: undefined }),
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions<T> = {
  method?: HttpMethod;
  /** Path below the client's base URL, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  responseSchema: ResponseSchema<T>;
  headers?: Record<string, string>;
};

export type ApiClient = {
  request<T>(options: RequestOptions<T>): Promise<T>;
};

type ClientOptions = {
  baseUrl: string;
  /** Returns the bearer token to send, or null for an anonymous request. */
  getToken?: () => string | null;
  /** Called when the server no longer accepts the token (HTTP 401). */
  onUnauthenticated?: () => void;
  timeoutMs?: number;
};

type RawResponse = { statusCode: number; data: unknown };

export function createApiClient({ baseUrl, getToken, onUnauthenticated, timeoutMs = 10_000 }: ClientOptions): ApiClient {
  async function send(method: HttpMethod, url: string, body: unknown, headers: Record<string, string>): Promise<RawResponse> {
    try {
      const response = await Taro.request<unknown>({ url, method, data: body, header: headers, timeout: timeoutMs, dataType: 'json' });
      return { statusCode: response.statusCode, data: response.data };
    } catch {
      // Taro rejects only when no HTTP response arrived: offline, DNS, refused, timeout, CORS.
      throw new ApiError('NETWORK_UNAVAILABLE', networkUnavailableMessage);
    }
  }

  return {
    async request<T>({ method = 'GET', path, query, body, responseSchema, headers = {} }: RequestOptions<T>): Promise<T> {
      const token = getToken?.() ?? null;
      const requestHeaders: Record<string, string> = { Accept: 'application/json', ...headers };
      if (body !== undefined) requestHeaders['Content-Type'] = 'application/json';
      if (token) requestHeaders.Authorization = `Bearer ${token}`;

      const response = await send(method, `${baseUrl}${path}${toQueryString(query)}`, body, requestHeaders);
      if (response.statusCode < 200 || response.statusCode >= 300) {
        const error = toApiError(response);
        if (error.status === 401 && token) onUnauthenticated?.();
        throw error;
      }
      const parsed = responseSchema.safeParse(response.data);
      if (!parsed.success) {
        throw new ApiError('BAD_RESPONSE', badResponseMessage, { status: response.statusCode });
      }
      return parsed.data;
    },
  };
}

function toApiError({ statusCode, data }: RawResponse): ApiError {
  const parsed = errorBodySchema.safeParse(data);
  if (!parsed.success) {
    return new ApiError(codeForStatus(statusCode), messageForStatus(statusCode), { status: statusCode });
  }
  const { code, message, requestId } = parsed.data.error;
  return new ApiError(isErrorCode(code) ? code : codeForStatus(statusCode), message || messageForStatus(statusCode), {
    status: statusCode,
    requestId,
  });
}

function toQueryString(query: RequestOptions<unknown>['query']): string {
  if (!query) return '';
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** The BFF, with the signed-in user's bearer token. */
export const bffClient = createApiClient({
  baseUrl: apiBaseUrl,
  getToken: () => sessionStore.getToken(),
  onUnauthenticated: () => sessionStore.clear(),
});

/** The fake WeChat server's control API: used only by the H5 demo login. */
export const fakeWechatClient = createApiClient({ baseUrl: fakeWechatUrl });
