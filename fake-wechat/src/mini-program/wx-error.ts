import type { Middleware } from 'koa';
import { newTraceId } from '../identifiers';

/**
 * An error of the mini-program server API. WeChat answers these with HTTP 200 and
 * `{errcode, errmsg}`, the errmsg ending in a request id (", rid: …").
 */
export class WxApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
  }
}

export const wxErrors = {
  systemError: () => new WxApiError(-1, 'system error'),
  invalidCredential: () => new WxApiError(40001, 'invalid credential, access_token is invalid or not latest'),
  invalidGrantType: () => new WxApiError(40002, 'invalid grant_type'),
  invalidOpenid: () => new WxApiError(40003, 'invalid openid'),
  invalidAppid: () => new WxApiError(40013, 'invalid appid'),
  invalidCode: () => new WxApiError(40029, 'invalid code'),
  invalidTemplateId: () => new WxApiError(40037, 'invalid template_id'),
  invalidAppSecret: () => new WxApiError(40125, 'invalid appsecret'),
  codeBeenUsed: () => new WxApiError(40163, 'code been used'),
  highRiskUser: () => new WxApiError(40226, 'high risk user'),
  missingAccessToken: () => new WxApiError(41001, 'access_token missing'),
  missingAppid: () => new WxApiError(41002, 'appid missing'),
  missingAppSecret: () => new WxApiError(41004, 'appsecret missing'),
  missingCode: () => new WxApiError(41008, 'missing code'),
  invalidPage: () => new WxApiError(41030, 'invalid page'),
  accessTokenExpired: () => new WxApiError(42001, 'access_token expired'),
  userRefused: () => new WxApiError(43101, 'user refuse to accept the msg'),
  quotaLimit: () => new WxApiError(45009, 'reach max api daily quota limit'),
  dataFormatError: () => new WxApiError(47001, 'data format error'),
  argumentInvalid: (field: string, problem = 'invalid') => new WxApiError(47003, `argument invalid! ${field} ${problem}`),
};

export function wxErrorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof WxApiError)) throw error;
      ctx.status = 200;
      ctx.body = { errcode: error.errcode, errmsg: `${error.errmsg}, rid: ${newTraceId()}` };
    }
  };
}
