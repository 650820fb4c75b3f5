import Router from '@koa/router';
import type { FakeContext } from '../fake-context';
import { asJsonObject, booleanField, queryValue, stringField } from '../http/json-input';
import { jsonBody } from '../http/json-body';
import { isOutageFor } from '../http/outage';
import { checkAppCredentials, issueClassicToken, issueStableToken, requireAccessToken } from './access-token';
import { checkMediaAsync } from './media-check';
import { checkMessageSecurity } from './content-security';
import { getPhoneNumber } from './phone-number';
import { code2Session } from './session';
import { sendSubscribeMessage } from './subscribe-message';
import { wxErrorHandler, wxErrors } from './wx-error';

const ok = { errcode: 0, errmsg: 'ok' } as const;

/** The api.weixin.qq.com endpoints the app uses, speaking WeChat's `{errcode, errmsg}` dialect. */
export function miniProgramRouter(fake: FakeContext): Router {
  const router = new Router();
  router.use(wxErrorHandler());
  router.use(async (_ctx, next) => {
    if (isOutageFor(fake, 'mini-program') && fake.state.settings.outage.mode === 'errcode-1') throw wxErrors.systemError();
    await next();
  });
  router.use(jsonBody(() => wxErrors.dataFormatError()));

  router.get('/sns/jscode2session', (ctx) => {
    ctx.body = code2Session(fake, {
      appid: queryValue(ctx.query, 'appid'),
      secret: queryValue(ctx.query, 'secret'),
      jsCode: queryValue(ctx.query, 'js_code'),
      grantType: queryValue(ctx.query, 'grant_type'),
    });
  });

  router.get('/cgi-bin/token', (ctx) => {
    checkAppCredentials(fake, {
      appid: queryValue(ctx.query, 'appid'),
      secret: queryValue(ctx.query, 'secret'),
      grantType: queryValue(ctx.query, 'grant_type'),
      expectedGrantType: 'client_credential',
    });
    ctx.body = issueClassicToken(fake);
  });

  router.post('/cgi-bin/stable_token', (ctx) => {
    const body = asJsonObject(ctx.request.body);
    checkAppCredentials(fake, {
      appid: stringField(body, 'appid'),
      secret: stringField(body, 'secret'),
      grantType: stringField(body, 'grant_type'),
      expectedGrantType: 'client_credential',
    });
    ctx.body = issueStableToken(fake, booleanField(body, 'force_refresh') ?? false);
  });

  const guarded = requireAccessToken(fake);

  router.post('/wxa/business/getuserphonenumber', guarded, (ctx) => {
    ctx.body = { ...ok, phone_info: getPhoneNumber(fake, stringField(asJsonObject(ctx.request.body), 'code')) };
  });

  // Checks the token itself, so that attempts with a stale token are recorded too.
  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    ctx.body = { ...ok, ...sendSubscribeMessage(fake, asJsonObject(ctx.request.body), queryValue(ctx.query, 'access_token')) };
  });

  router.post('/wxa/msg_sec_check', guarded, (ctx) => {
    ctx.body = { ...ok, ...checkMessageSecurity(fake, asJsonObject(ctx.request.body)) };
  });

  router.post('/wxa/media_check_async', guarded, (ctx) => {
    ctx.body = { ...ok, ...checkMediaAsync(fake, asJsonObject(ctx.request.body)) };
  });

  return router;
}
