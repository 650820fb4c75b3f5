import type { Middleware } from 'koa';
import { wallClockSeconds } from '../clock';
import { requestSignatureMessage, verifySha256WithRsa } from '../crypto/rsa-signature';
import type { FakeContext } from '../fake-context';
import { newRequestId } from '../identifiers';
import { payErrors } from './pay-error';
import { signWithPlatformKey } from './platform-signature';

const scheme = 'WECHATPAY2-SHA256-RSA2048';
const maxClockSkewSeconds = 300;

export type MerchantAuthorization = { mchid: string; nonce_str: string; timestamp: string; serial_no: string; signature: string };

/** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",…` → its fields, or undefined when malformed. */
export function parseAuthorization(header: string | undefined): MerchantAuthorization | undefined {
  if (!header?.startsWith(`${scheme} `)) return undefined;
  const fields = new Map<string, string>();
  for (const match of header.slice(scheme.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    if (match[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
  }
  const read = (key: keyof MerchantAuthorization): string => fields.get(key) ?? '';
  const authorization = { mchid: read('mchid'), nonce_str: read('nonce_str'), timestamp: read('timestamp'), serial_no: read('serial_no'), signature: read('signature') };
  return Object.values(authorization).every((value) => value !== '') ? authorization : undefined;
}

/**
 * Checks the merchant's request signature over `METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n`,
 * with the raw body exactly as sent (any re-serialisation would break real signatures too).
 */
export function authenticateMerchant(fake: FakeContext): Middleware {
  return async (ctx, next) => {
    const authorization = parseAuthorization(ctx.get('Authorization') || undefined);
    if (!authorization) throw payErrors.signError('Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》');
    const { merchant } = fake.keys;
    if (authorization.mchid !== merchant.mchid) throw payErrors.signError('商户号与商户证书不匹配');
    if (authorization.serial_no.toUpperCase() !== merchant.certificateSerialNo) throw payErrors.signError('商户证书序列号有误。请使用签名私钥匹配的证书序列号');
    if (!/^\d+$/.test(authorization.timestamp) || Math.abs(wallClockSeconds() - Number(authorization.timestamp)) > maxClockSkewSeconds) {
      throw payErrors.signError('Http头Authorization中的timestamp与发起请求的时间不得超过5分钟');
    }
    const message = requestSignatureMessage({
      method: ctx.method,
      url: ctx.originalUrl,
      timestamp: authorization.timestamp,
      nonce: authorization.nonce_str,
      body: ctx.request.rawBody ?? '',
    });
    if (!verifySha256WithRsa(message, authorization.signature, fake.keys.merchantPublicKey)) throw payErrors.signError();
    await next();
  };
}

/** Every v3 answer, errors included, carries a Request-ID and the platform's signature over the exact body bytes. */
export function signResponses(fake: FakeContext): Middleware {
  return async (ctx, next) => {
    await next();
    const body = ctx.body === undefined || ctx.body === null || ctx.status === 204 ? '' : JSON.stringify(ctx.body);
    ctx.set('Request-ID', newRequestId());
    ctx.set(signWithPlatformKey(fake, body));
    if (body !== '') {
      ctx.body = body;
      ctx.type = 'application/json; charset=utf-8';
    }
  };
}
