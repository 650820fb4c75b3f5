import { errorCodes, type ErrorCode } from '@govpocket/shared';

/** Failures detected on the device rather than reported by the BFF. */
export type ClientErrorCode = 'NETWORK_UNAVAILABLE' | 'BAD_RESPONSE' | 'UNKNOWN';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** One error type for every request: `message` is Chinese and safe to show as is. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(code: ApiErrorCode, message: string, options: { status?: number; requestId?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? 0;
    this.requestId = options.requestId;
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

export const networkUnavailableMessage = '网络不可用，请稍后重试';
export const badResponseMessage = '服务返回的数据异常，请稍后重试';

/** Used when the BFF (or a proxy in front of it) answers an error without our error body. */
export function messageForStatus(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限进行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status === 413) return '提交的内容过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务暂时不可用，请稍后重试';
  return '请求失败，请稍后重试';
}

export function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'BAD_REQUEST';
}
