export type PlatformErrorCode = 'UNSUPPORTED' | 'FAILED';

/** A WeChat client API failed or does not exist on this target; `message` is Chinese. */
export class PlatformError extends Error {
  readonly code: PlatformErrorCode;

  constructor(code: PlatformErrorCode, message: string) {
    super(message);
    this.name = 'PlatformError';
    this.code = code;
  }
}

/** WeChat reports a user's "cancel" as a failure whose errMsg ends in `:fail cancel`. */
export function isUserCancel(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'errMsg' in error && typeof error.errMsg === 'string' && /cancel/i.test(error.errMsg);
}
