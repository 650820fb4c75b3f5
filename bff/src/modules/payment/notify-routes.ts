import type { Context, Middleware } from 'koa';
import { keepRawBody, readBodyBytes } from '../../platform/http/raw-body';
import { createRouter, type AppRouter } from '../../platform/http/router';
import type { AppState } from '../../platform/http/types';
import type { PaymentDeps } from './deps';
import { notifyPaths } from './merchant';
import { NotificationRejected, type SignedHeaders } from './notification-verifier';
import { settleRefund } from './refunds';
import { checkTransaction, settleTransaction } from './settle-payment';

/**
 * WeChat Pay's notification endpoints. The body is read raw (the JSON body parser skips these
 * paths) because the signature covers the exact bytes. Success is 204; anything else is
 * `{"code":"FAIL","message":…}` with 4xx (rejected) or 5xx (our trouble), and WeChat retries.
 */
const maxBodyBytes = 64 * 1024;

/** Placed before the JSON body parser: these requests keep their raw body. */
export function keepRawPayNotifications(): Middleware {
  return keepRawBody(Object.values(notifyPaths));
}

function signedHeaders(ctx: Context): SignedHeaders {
  const header = (name: string): string | undefined => ctx.get(name) || undefined;
  return { timestamp: header('Wechatpay-Timestamp'), nonce: header('Wechatpay-Nonce'), signature: header('Wechatpay-Signature'), serial: header('Wechatpay-Serial') };
}

type Handler = (deps: PaymentDeps & { pay: NonNullable<PaymentDeps['pay']> }, notification: { id: string; eventType: string; resource: unknown }) => Promise<void>;

function notifyEndpoint(deps: PaymentDeps, handle: Handler) {
  return async (ctx: Context & { state: AppState }): Promise<void> => {
    try {
      if (!deps.pay) throw new NotificationRejected(400, '未开通微信支付');
      const pay = deps.pay;
      const notification = await pay.verify(signedHeaders(ctx), (await readBodyBytes(ctx.req, { maxBytes: maxBodyBytes, tooLarge: () => new NotificationRejected(400, '通知内容过大') })).toString('utf8'));
      await handle({ ...deps, pay }, notification);
      ctx.status = 204;
    } catch (error) {
      const isRejected = error instanceof NotificationRejected;
      if (isRejected) ctx.state.log?.warn({ reason: error.message }, 'WeChat Pay notification rejected');
      else ctx.state.log?.error({ err: error }, 'WeChat Pay notification failed');
      ctx.status = isRejected ? error.status : 500;
      ctx.body = { code: 'FAIL', message: isRejected ? error.message : '系统繁忙' };
    }
  };
}

export function payNotifyRoutes(deps: PaymentDeps): AppRouter {
  const router = createRouter();
  router.post(notifyPaths.transaction, notifyEndpoint(deps, async (payDeps, notification) => {
    if (notification.eventType !== 'TRANSACTION.SUCCESS') return; // other events need nothing from us
    const transaction = checkTransaction(payDeps.pay.merchant, notification.resource);
    await settleTransaction(payDeps, { transaction, notification });
  }));
  router.post(notifyPaths.refund, notifyEndpoint(deps, async (payDeps, notification) => {
    if (!notification.eventType.startsWith('REFUND.')) return;
    const mchid = typeof notification.resource === 'object' && notification.resource !== null ? Reflect.get(notification.resource, 'mchid') : undefined;
    await settleRefund(payDeps, { record: notification.resource, notification, mchid: typeof mchid === 'string' ? mchid : '' });
  }));
  return router;
}
