import type { ErrorCode } from '@govpocket/shared';

/** HTTP status per error code: services throw codes, only the transport knows statuses. */
export const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  CONTENT_REJECTED: 422,
  UNSUPPORTED_IMAGE_TYPE: 415,
  INVALID_IMAGE: 400,
  WECHAT_CODE_INVALID: 400,
  WECHAT_CODE_USED: 400,
  WECHAT_USER_RISKY: 403,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  SLOT_FULL: 409,
  BOOKING_NOT_ALLOWED: 409,
  BOOKING_PAUSED: 409,
  ILLEGAL_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  DUPLICATE_REQUEST: 409,
};

/** What a resident reads when a service throws a code without its own message. */
export const defaultMessageByCode: Record<ErrorCode, string> = {
  BAD_REQUEST: '请求有误，请检查后重试',
  VALIDATION_FAILED: '填写的内容有误，请检查后重试',
  MALFORMED_JSON: '请求格式有误，请刷新后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '您访问的内容不存在',
  METHOD_NOT_ALLOWED: '不支持此操作',
  CONFLICT: '操作冲突，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大，请精简后重试',
  UNSUPPORTED_MEDIA_TYPE: '不支持的提交格式',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CONTENT_REJECTED: '内容含有不当信息，请修改后再提交',
  UNSUPPORTED_IMAGE_TYPE: '仅支持 JPG、PNG、WebP 格式的图片',
  INVALID_IMAGE: '图片已损坏或无法识别，请重新选择',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重新登录',
  WECHAT_CODE_USED: '微信登录凭证已使用，请重新登录',
  WECHAT_USER_RISKY: '当前微信账号存在风险，暂时无法登录',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL: '系统繁忙，请稍后重试',
  SLOT_FULL: '已约满',
  BOOKING_NOT_ALLOWED: '当前不能预约该时段',
  BOOKING_PAUSED: '您的预约功能已暂停',
  ILLEGAL_TRANSITION: '当前状态不能进行此操作',
  IDEMPOTENCY_KEY_REUSED: '同一请求标识已用于不同的内容，请刷新后重试',
  DUPLICATE_REQUEST: '请勿重复提交',
};

export type AppErrorOptions = {
  /** Chinese, for the resident; defaults to the code's standard message. */
  message?: string;
  details?: unknown;
  /** Seconds, sent as Retry-After (429, 503). */
  retryAfterSeconds?: number;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userMessage: string;
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? defaultMessageByCode[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = statusByCode[code];
    this.userMessage = options.message ?? defaultMessageByCode[code];
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
