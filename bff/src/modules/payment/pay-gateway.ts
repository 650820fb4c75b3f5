import { createVerify } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import { z } from 'zod';
import type { PayMerchant } from './merchant';

/**
 * WeChat Pay v3 through wechatpay-node-v3 (it signs every request). Its host is hard-coded, so an
 * injected transport (`createHttp`) sends each call to the configured base instead; the signature
 * covers only path and query, so the swap is invisible to WeChat Pay. Every 2xx answer must carry
 * WeChat Pay's signature (Wechatpay-Serial naming one of our verification keys, a timestamp within
 * 5 minutes, RSA-SHA256 over `timestamp\nnonce\nbody\n`) or it is refused as a PayGatewayError
 * `INVALID_SIGNATURE` before anything reads it. Answers are parsed with zod and non-2xx answers
 * become a PayGatewayError carrying WeChat's `{code, message}`.
 */
type Transport = Parameters<WxPay['createHttp']>[0];
type Output = Awaited<ReturnType<Transport['get']>>;

const productionBase = 'https://api.mch.weixin.qq.com';
const timeoutMs = 10_000;

export class PayGatewayError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(`WeChat Pay ${status} ${code}: ${message}`);
    this.name = 'PayGatewayError';
  }
}

const maxSkewSeconds = 300;

/** Checks WeChat Pay's signature over an answer's exact bytes; throws INVALID_SIGNATURE otherwise. */
export function verifyAnswerSignature(merchant: Pick<PayMerchant, 'verificationKeys'>, response: { status: number; headers: Headers; text: string }, nowMs = Date.now()): void {
  const refuse = (why: string): never => {
    throw new PayGatewayError(response.status, 'INVALID_SIGNATURE', `应答签名验证失败：${why}`);
  };
  const timestamp = response.headers.get('Wechatpay-Timestamp');
  const nonce = response.headers.get('Wechatpay-Nonce');
  const signature = response.headers.get('Wechatpay-Signature');
  const serial = response.headers.get('Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) return refuse('缺少签名头');
  const key = merchant.verificationKeys.get(serial.toUpperCase());
  if (!key) return refuse('未知的证书序列号');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return refuse('时间戳超出范围');
  if (!createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${response.text}\n`).verify(key, signature, 'base64')) refuse('签名不符');
}

function rebasedTransport(merchant: Pick<PayMerchant, 'apiBase' | 'verificationKeys'>): Transport {
  const send = async (method: 'GET' | 'POST', url: string, headers: Record<string, unknown>, body?: string): Promise<Output> => {
    const target = url.startsWith(productionBase) ? `${merchant.apiBase}${url.slice(productionBase.length)}` : url;
    const plainHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
    const response = await fetch(target, { method, headers: plainHeaders, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (!response.ok) return { status: response.status, error: text };
    verifyAnswerSignature(merchant, { status: response.status, headers: response.headers, text });
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new PayGatewayError(response.status, 'MALFORMED_ANSWER', '应答不是 JSON');
    }
    return { status: response.status, data };
  };
  return {
    // The library signed JSON.stringify(params): send exactly those bytes.
    post: (url, params, headers) => send('POST', url, headers, JSON.stringify(params)),
    get: (url, headers) => send('GET', url, headers),
    upload: () => Promise.reject(new Error('upload is not used')),
  };
}

const errorBodySchema = z.object({ code: z.string(), message: z.string() });

function unwrap(output: Output): unknown {
  if (output.status >= 200 && output.status < 300) return output.data;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(output.error));
  } catch {
    parsed = undefined;
  }
  const body = errorBodySchema.safeParse(parsed);
  throw new PayGatewayError(output.status, body.success ? body.data.code : 'HTTP_ERROR', body.success ? body.data.message : String(output.error ?? ''));
}

export const requestPaymentSchema = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string().startsWith('prepay_id='),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type RequestPaymentParams = z.infer<typeof requestPaymentSchema>;

export const transactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string() }).partial().optional(),
  amount: z.object({ total: z.number().int(), currency: z.string().optional() }),
});
export type Transaction = z.infer<typeof transactionSchema>;

export const refundSchema = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  out_trade_no: z.string(),
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']),
  success_time: z.string().optional(),
  amount: z.object({ refund: z.number().int(), total: z.number().int() }),
});
export type RefundRecord = z.infer<typeof refundSchema>;

/** Why a transaction is not ours (another appid or mchid), or null: the one check for notifications and queries. */
export function foreignTransaction(merchant: Pick<PayMerchant, 'appid' | 'mchid'>, transaction: Pick<Transaction, 'appid' | 'mchid'>): string | null {
  if (transaction.appid !== merchant.appid) return 'appid 不匹配';
  if (transaction.mchid !== merchant.mchid) return 'mchid 不匹配';
  return null;
}

export type JsapiOrder = { outTradeNo: string; description: string; amountFen: number; payerOpenid: string; timeExpire: Date; attach?: string };

export type PayGateway = ReturnType<typeof createPayGateway>;

/** RFC 3339 in Beijing time, as WeChat Pay writes and expects times. */
export function beijingTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export function createPayGateway(merchant: PayMerchant) {
  const pay = new WxPay({
    appid: merchant.appid,
    mchid: merchant.mchid,
    publicKey: Buffer.from(merchant.certificatePem),
    privateKey: Buffer.from(merchant.privateKeyPem),
    key: merchant.apiV3Key,
  });
  pay.createHttp(rebasedTransport(merchant));
  return {
    /** Creates (or, with identical parameters, re-reads) the prepay order and signs requestPayment. */
    createJsapiOrder: async (order: JsapiOrder): Promise<RequestPaymentParams> =>
      requestPaymentSchema.parse(unwrap(await pay.transactions_jsapi({
        description: order.description,
        out_trade_no: order.outTradeNo,
        time_expire: beijingTime(order.timeExpire),
        attach: order.attach,
        notify_url: merchant.notifyUrls.transaction,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid: order.payerOpenid },
      }))),
    /** The order as WeChat Pay has it; an answer about another merchant, app or order is refused like a bad signature. */
    queryOrder: async (outTradeNo: string): Promise<Transaction> => {
      const transaction = transactionSchema.parse(unwrap(await pay.query({ out_trade_no: outTradeNo })));
      const foreign = foreignTransaction(merchant, transaction) ?? (transaction.out_trade_no === outTradeNo ? null : 'out_trade_no 不匹配');
      if (foreign) throw new PayGatewayError(200, 'FOREIGN_TRANSACTION', foreign);
      return transaction;
    },
    closeOrder: async (outTradeNo: string): Promise<void> => {
      unwrap(await pay.close(outTradeNo));
    },
    createRefund: async (input: { outTradeNo: string; outRefundNo: string; amountFen: number; totalFen: number; reason: string }): Promise<RefundRecord> =>
      refundSchema.parse(unwrap(await pay.refunds({
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason,
        notify_url: merchant.notifyUrls.refund,
        amount: { refund: input.amountFen, total: input.totalFen, currency: 'CNY' },
      }))),
    queryRefund: async (outRefundNo: string): Promise<RefundRecord> => refundSchema.parse(unwrap(await pay.find_refunds(outRefundNo))),
  };
}
