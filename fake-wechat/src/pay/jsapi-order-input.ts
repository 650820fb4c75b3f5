import { integerField, objectField, stringField, type JsonObject } from '../http/json-input';
import type { FakeContext } from '../fake-context';
import { isRfc3339 } from './beijing-time';
import { payErrors } from './pay-error';

export type JsapiOrderInput = {
  appid: string;
  mchid: string;
  description: string;
  outTradeNo: string;
  timeExpire?: string;
  attach?: string;
  notifyUrl: string;
  total: number;
  currency: string;
  payerOpenid: string;
};

export const outTradeNoPattern = /^[0-9A-Za-z_\-|*]{6,32}$/;

function requiredString(body: JsonObject, field: string, label: string, maxLength: number, minLength = 1): string {
  const value = stringField(body, field);
  if (value === undefined) throw payErrors.paramError('body', field, `${label}缺失或类型错误`);
  const length = [...value].length;
  if (length < minLength || length > maxLength) throw payErrors.paramError('body', field, `${label}字符串规则校验失败，长度 ${length}`, value);
  return value;
}

/** Notify URLs must be absolute, without a query string (production also demands https). */
export function checkNotifyUrl(value: string, field = 'notify_url'): string {
  try {
    const url = new URL(value);
    if (!['http:', 'https:'].includes(url.protocol) || url.search !== '') throw new Error('query');
    return value;
  } catch {
    throw payErrors.paramError('body', field, '通知地址格式错误，须为不带参数的完整URL', value);
  }
}

/** The request body of POST /v3/pay/transactions/jsapi, checked field by field like WeChat Pay does. */
export function readJsapiOrder(fake: FakeContext, body: JsonObject): JsapiOrderInput {
  const appid = requiredString(body, 'appid', '应用ID', 32);
  const mchid = requiredString(body, 'mchid', '直连商户号', 32);
  const description = requiredString(body, 'description', '商品描述', 127);
  const outTradeNo = requiredString(body, 'out_trade_no', '商户订单号', 32);
  if (!outTradeNoPattern.test(outTradeNo)) throw payErrors.paramError('body', 'out_trade_no', '商户订单号字符串规则校验失败，须为6-32位数字、大小写字母、_-|*', outTradeNo);
  const notifyUrl = checkNotifyUrl(requiredString(body, 'notify_url', '通知地址', 255));
  const timeExpire = stringField(body, 'time_expire');
  if (timeExpire !== undefined && !isRfc3339(timeExpire)) throw payErrors.paramError('body', 'time_expire', '交易结束时间须为rfc3339格式', timeExpire);
  const attach = stringField(body, 'attach');
  if (attach !== undefined && [...attach].length > 128) throw payErrors.paramError('body', 'attach', '附加数据长度超过128', attach);

  const amount = objectField(body, 'amount');
  const total = amount ? integerField(amount, 'total') : undefined;
  if (total === undefined || total <= 0) throw payErrors.paramError('body', 'amount/total', '总金额须为大于0的整数（单位：分）', amount?.total);
  const currency = (amount && stringField(amount, 'currency')) ?? 'CNY';
  if (currency !== 'CNY') throw payErrors.paramError('body', 'amount/currency', '货币类型仅支持CNY', currency);

  const payer = objectField(body, 'payer');
  const payerOpenid = payer ? stringField(payer, 'openid') : undefined;
  if (!payerOpenid) throw payErrors.paramError('body', 'payer/openid', '用户标识缺失');

  if (mchid !== fake.options.mchid) throw payErrors.mchNotExists();
  if (appid !== fake.options.appid) throw payErrors.appidMchidNotMatch();
  return { appid, mchid, description, outTradeNo, timeExpire, attach, notifyUrl, total, currency, payerOpenid };
}

/** Canonical form of an order request: equal fingerprints mean "the same order asked again". */
export function orderFingerprint(input: JsapiOrderInput): string {
  const { appid, mchid, description, outTradeNo, timeExpire, attach, notifyUrl, total, currency, payerOpenid } = input;
  return JSON.stringify([appid, mchid, description, outTradeNo, timeExpire ?? null, attach ?? null, notifyUrl, total, currency, payerOpenid]);
}
