import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { validationSummary, type ErrorBody } from '@govpocket/shared';
import { AppError } from '../errors/app-error';
import { isInfrastructureDown } from '../errors/infrastructure';
import type { AppState } from './types';

type HttpishError = { status?: number; statusCode?: number; type?: string; expose?: boolean };

function asHttpish(error: unknown): HttpishError {
  return typeof error === 'object' && error !== null ? (error as HttpishError) : {};
}

/** Turns anything thrown below into an AppError, so there is exactly one answer shape. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    // The top-level message names the first problem in Chinese (shared/src/validation-messages.ts).
    return new AppError('VALIDATION_FAILED', {
      message: validationSummary(error.issues),
      details: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const { status, statusCode, type } = asHttpish(error);
  const httpStatus = status ?? statusCode;
  if (type === 'entity.parse.failed' || (httpStatus === 400 && error instanceof SyntaxError)) return new AppError('MALFORMED_JSON');
  if (httpStatus === 413 || type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE');
  if (httpStatus === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (httpStatus === 404) return new AppError('NOT_FOUND');
  if (httpStatus === 405) return new AppError('METHOD_NOT_ALLOWED');
  if (isInfrastructureDown(error)) return new AppError('SERVICE_UNAVAILABLE', { retryAfterSeconds: 5, cause: error });
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) return new AppError('BAD_REQUEST', { cause: error });
  return new AppError('INTERNAL', { cause: error });
}

/** First in the chain: answers `{ error: { code, message, details? } }` and hides 5xx internals. */
export function errorHandler(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (thrown) {
      const error = toAppError(thrown);
      const body: ErrorBody = { error: { code: error.code, message: error.userMessage, requestId: ctx.state.requestId } };
      if (error.details !== undefined && error.status < 500) body.error.details = error.details;
      ctx.status = error.status;
      ctx.body = body;
      if (error.retryAfterSeconds !== undefined) ctx.set('Retry-After', String(error.retryAfterSeconds));
      if (error.status >= 500) {
        ctx.state.log?.error({ err: error.cause ?? error, code: error.code }, 'request failed');
        ctx.app.emit('error', error.cause ?? error, ctx);
      }
    }
  };
}
