import Router from '@koa/router';
import type { Middleware } from 'koa';
import { asJsonObject, booleanField, integerField, isJsonObject, numberField, queryValue, stringField, type JsonObject } from '../http/json-input';
import { jsonBody } from '../http/json-body';
import type { OutageMode, OutageScope, Suggest } from '../state';
import { resolveOpenid, type FakeWechatControl } from './control';
import { ControlError } from './control-error';

const outageModes: readonly OutageMode[] = ['none', 'errcode-1', 'http-503', 'connection-reset'];
const outageScopes: readonly OutageScope[] = ['all', 'mini-program', 'pay'];
const suggests: readonly Suggest[] = ['pass', 'review', 'risky'];

function required(body: JsonObject, key: string): string {
  const value = stringField(body, key);
  if (!value) throw new ControlError(400, 'MISSING_FIELD', `${key} is required`);
  return value;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, key: string): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (!match) throw new ControlError(400, 'INVALID_FIELD', `${key} must be one of ${allowed.join(', ')}`);
  return match;
}

function stringList(body: JsonObject, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new ControlError(400, 'INVALID_FIELD', `${key} must be a list of strings`);
  return value.filter((item) => typeof item === 'string');
}

function numberRecord(body: JsonObject, key: string): Record<string, number> | undefined {
  const value = body[key];
  if (!isJsonObject(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

function controlErrors(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof ControlError)) throw error;
      ctx.status = error.status;
      ctx.body = { error: { code: error.code, message: error.message } };
    }
  };
}

/** /__control/…: how tests and the H5 demo play the user's and WeChat's part. No auth: it is a fake. */
export function controlRouter(control: FakeWechatControl): Router {
  const router = new Router({ prefix: '/__control' });
  router.use(controlErrors());
  router.use(jsonBody(() => new ControlError(400, 'INVALID_JSON', 'body must be JSON')));
  const body = (ctx: { request: { body?: unknown } }): JsonObject => asJsonObject(ctx.request.body);
  const userRef = (input: JsonObject) => ({ openid: stringField(input, 'openid'), personaKey: stringField(input, 'personaKey') });

  router.post('/login-code', (ctx) => {
    ctx.body = control.mintLoginCode(userRef(body(ctx)));
  });
  router.post('/phone-code', (ctx) => {
    ctx.body = control.mintPhoneCode(userRef(body(ctx)), stringField(body(ctx), 'phone'));
  });
  router.post('/user', (ctx) => {
    const input = body(ctx);
    ctx.body = control.upsertUser({ openid: required(input, 'openid'), unionid: stringField(input, 'unionid'), phone: stringField(input, 'phone'), isHighRisk: booleanField(input, 'isHighRisk') });
  });
  router.post('/templates', (ctx) => {
    const input = body(ctx);
    control.defineTemplate(required(input, 'templateId'), stringList(input, 'keys') ?? []);
    ctx.body = { ok: true };
  });
  router.post('/subscribe', (ctx) => {
    const input = body(ctx);
    ctx.body = control.acceptSubscription({
      openid: resolveOpenid(userRef(input)),
      templateId: required(input, 'templateId'),
      count: integerField(input, 'count'),
      longTerm: booleanField(input, 'longTerm'),
    });
  });
  router.post('/unsubscribe', (ctx) => {
    const input = body(ctx);
    control.revokeSubscription(resolveOpenid(userRef(input)), required(input, 'templateId'));
    ctx.body = { ok: true };
  });
  router.get('/subscribe-messages', (ctx) => {
    ctx.body = { messages: control.subscribeMessages(queryValue(ctx.query, 'openid')) };
  });

  router.post('/pay/settle', (ctx) => {
    const input = body(ctx);
    ctx.body = control.settleOrder(required(input, 'out_trade_no'), oneOf(['SUCCESS', 'PAYERROR'], stringField(input, 'result'), 'result'));
  });
  router.post('/pay/refunds/settle', (ctx) => {
    const input = body(ctx);
    ctx.body = control.settleRefund(required(input, 'out_refund_no'), oneOf(['SUCCESS', 'CLOSED', 'ABNORMAL'], stringField(input, 'status'), 'status'));
  });
  router.get('/pay/orders', (ctx) => {
    ctx.body = { orders: control.orders() };
  });
  router.get('/pay/refunds', (ctx) => {
    ctx.body = { refunds: control.refunds() };
  });
  router.get('/content-checks', (ctx) => {
    ctx.body = control.contentChecks();
  });
  router.get('/notifications', (ctx) => {
    ctx.body = { deliveries: control.deliveries() };
  });
  router.post('/pay/response-serial', (ctx) => {
    control.setResponseSerial(oneOf(['public-key-id', 'certificate'], stringField(body(ctx), 'mode'), 'mode') ?? 'public-key-id');
    ctx.body = { ok: true };
  });
  router.post('/pay/refund-settle-delay', (ctx) => {
    const input = body(ctx);
    control.setRefundSettleDelay(input.delayMs === null ? null : (numberField(input, 'delayMs') ?? 0));
    ctx.body = { ok: true };
  });
  router.get('/keys', (ctx) => {
    ctx.body = control.keys();
  });

  router.post('/reset', (ctx) => {
    control.reset();
    ctx.body = { ok: true };
  });
  router.post('/outage', (ctx) => {
    const input = body(ctx);
    const mode = oneOf(outageModes, stringField(input, 'mode'), 'mode') ?? 'none';
    control.setOutage(mode, oneOf(outageScopes, stringField(input, 'scope'), 'scope'));
    ctx.body = { ok: true };
  });
  router.post('/sensitive-words', (ctx) => {
    const input = body(ctx);
    ctx.body = control.setSensitiveWords({ risky: stringList(input, 'risky'), review: stringList(input, 'review'), labels: numberRecord(input, 'labels') });
  });
  // One of media_url (the whole URL), path (its path, for signed URLs) or sha256 (of the bytes).
  router.post('/media-verdict', (ctx) => {
    const input = body(ctx);
    const suggest = oneOf(suggests, required(input, 'suggest'), 'suggest') ?? 'pass';
    const match = stringField(input, 'media_url') ?? stringField(input, 'path') ?? stringField(input, 'sha256');
    if (!match) throw new ControlError(400, 'MISSING_FIELD', 'media_url, path or sha256 is required');
    control.setMediaVerdict(match, { suggest, label: integerField(input, 'label') ?? (suggest === 'pass' ? 100 : 20002) });
    ctx.body = { ok: true };
  });
  router.post('/media-checks/hold', (ctx) => {
    control.holdMediaVerdicts(booleanField(body(ctx), 'hold') ?? true);
    ctx.body = { ok: true };
  });
  router.post('/media-checks/push', async (ctx) => {
    const input = body(ctx);
    const suggest = oneOf(suggests, stringField(input, 'suggest'), 'suggest');
    const verdict = suggest ? { suggest, label: integerField(input, 'label') ?? (suggest === 'pass' ? 100 : 20002) } : undefined;
    ctx.body = await control.pushMediaVerdict(required(input, 'trace_id'), verdict);
  });
  router.post('/pages', (ctx) => {
    const input = body(ctx);
    control.setPages(input.pages === null ? undefined : (stringList(input, 'pages') ?? undefined));
    ctx.body = { ok: true };
  });
  router.post('/push-url', (ctx) => {
    control.setMessagePushUrl(stringField(body(ctx), 'url'));
    ctx.body = { ok: true };
  });
  router.post('/clock', (ctx) => {
    const now = control.advanceClock(numberField(body(ctx), 'advanceSeconds') ?? 0);
    ctx.body = { now, nowIso: new Date(now).toISOString() };
  });

  return router;
}
