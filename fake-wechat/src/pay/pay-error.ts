import type { Middleware } from 'koa';

export type PayErrorStatus = 400 | 401 | 403 | 404 | 429 | 500;

/** A WeChat Pay v3 error: an HTTP status with `{code, message, detail?}`. */
export class PayApiError extends Error {
  constructor(
    readonly status: PayErrorStatus,
    readonly code: string,
    message: string,
    readonly detail?: { location: 'body' | 'query' | 'path' | 'header'; value?: unknown },
  ) {
    super(message);
  }
}

export const payErrors = {
  signError: (message = '签名错误') => new PayApiError(401, 'SIGN_ERROR', message),
  paramError: (location: 'body' | 'query' | 'path', field: string, problem: string, value?: unknown) =>
    new PayApiError(400, 'PARAM_ERROR', `输入源“/${location}/${field}”映射到值字段“${field}”${problem}`, { location, value }),
  invalidRequest: (message: string) => new PayApiError(400, 'INVALID_REQUEST', message),
  appidMchidNotMatch: () => new PayApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配'),
  mchNotExists: () => new PayApiError(400, 'MCH_NOT_EXISTS', '商户号不存在'),
  orderPaid: () => new PayApiError(400, 'ORDERPAID', '该订单已支付'),
  orderClosed: () => new PayApiError(400, 'ORDER_CLOSED', '订单已关闭'),
  orderNotExist: () => new PayApiError(404, 'ORDER_NOT_EXIST', '订单不存在'),
  resourceNotExists: (message: string) => new PayApiError(404, 'RESOURCE_NOT_EXISTS', message),
  systemError: () => new PayApiError(500, 'SYSTEM_ERROR', '系统错误'),
};

export function payErrorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof PayApiError)) throw error;
      ctx.status = error.status;
      ctx.body = { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
    }
  };
}
