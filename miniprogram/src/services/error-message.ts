import { ApiError } from './api-error';
import { PlatformError } from '@/platform/platform-error';

/** The Chinese sentence a page shows for any failure of a service or platform call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof PlatformError) return error.message;
  return '操作失败，请稍后重试';
}
