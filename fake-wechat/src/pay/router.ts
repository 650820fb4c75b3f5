import Router from '@koa/router';
import type { FakeContext } from '../fake-context';
import { asJsonObject, queryValue, stringField } from '../http/json-input';
import { jsonBody } from '../http/json-body';
import { isOutageFor } from '../http/outage';
import { listPlatformCertificates } from './certificates';
import { readJsapiOrder } from './jsapi-order-input';
import { authenticateMerchant, signResponses } from './merchant-authentication';
import { payErrorHandler, payErrors } from './pay-error';
import { readRefund } from './refund-input';
import { createRefund, findRefund, toRefundResource } from './refunds';
import { closeOrder, createJsapiOrder, findOrder, toTransactionResource } from './transactions';

/** Query and body must name the merchant that signed the request. */
function requireMchid(fake: FakeContext, mchid: string | undefined, location: 'query' | 'body'): void {
  if (!mchid) throw payErrors.paramError(location, 'mchid', '直连商户号缺失');
  if (mchid !== fake.options.mchid) throw payErrors.mchNotExists();
}

/** The api.mch.weixin.qq.com v3 endpoints: signed requests in, signed `{code, message}` errors out. */
export function payRouter(fake: FakeContext): Router {
  const router = new Router({ prefix: '/v3' });
  router.use(signResponses(fake));
  router.use(payErrorHandler());
  router.use(async (_ctx, next) => {
    if (isOutageFor(fake, 'pay') && fake.state.settings.outage.mode === 'errcode-1') throw payErrors.systemError();
    await next();
  });
  router.use(jsonBody(() => payErrors.paramError('body', '', '请求体格式错误，须为JSON')));
  router.use(authenticateMerchant(fake));

  router.post('/pay/transactions/jsapi', (ctx) => {
    ctx.body = createJsapiOrder(fake, readJsapiOrder(fake, asJsonObject(ctx.request.body)));
  });

  router.get('/pay/transactions/out-trade-no/:outTradeNo', (ctx) => {
    requireMchid(fake, queryValue(ctx.query, 'mchid'), 'query');
    ctx.body = toTransactionResource(findOrder(fake, { outTradeNo: ctx.params.outTradeNo ?? '' }));
  });

  router.get('/pay/transactions/id/:transactionId', (ctx) => {
    requireMchid(fake, queryValue(ctx.query, 'mchid'), 'query');
    ctx.body = toTransactionResource(findOrder(fake, { transactionId: ctx.params.transactionId ?? '' }));
  });

  router.post('/pay/transactions/out-trade-no/:outTradeNo/close', (ctx) => {
    requireMchid(fake, stringField(asJsonObject(ctx.request.body), 'mchid'), 'body');
    closeOrder(fake, ctx.params.outTradeNo ?? '');
    ctx.status = 204;
  });

  router.post('/refund/domestic/refunds', (ctx) => {
    ctx.body = toRefundResource(createRefund(fake, readRefund(asJsonObject(ctx.request.body))));
  });

  router.get('/refund/domestic/refunds/:outRefundNo', (ctx) => {
    ctx.body = toRefundResource(findRefund(fake, ctx.params.outRefundNo ?? ''));
  });

  router.get('/certificates', (ctx) => {
    ctx.body = listPlatformCertificates(fake);
  });

  return router;
}
