import { createSign, randomBytes } from 'node:crypto';
import type { FakeWechat } from '@govpocket/fake-wechat';

export type SignedCallOptions = {
  /** Override parts of the Authorization header to provoke the fake. */
  mchid?: string;
  serialNo?: string;
  timestamp?: string;
  privateKeyPem?: string;
  /** Sign one body, send another. */
  sentBody?: string;
  authorization?: string | null;
};

export type PayAnswer = { status: number; text: string; json: unknown; headers: Headers };

/** A hand-rolled WeChat Pay v3 client: signs like the protocol says, independent of the fake's code. */
export function payClient(fake: FakeWechat) {
  return async (method: 'GET' | 'POST', pathAndQuery: string, body?: unknown, options: SignedCallOptions = {}): Promise<PayAnswer> => {
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const message = `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${bodyText}\n`;
    const signature = createSign('RSA-SHA256').update(message).sign(options.privateKeyPem ?? fake.merchant.privateKeyPem, 'base64');
    const authorization =
      options.authorization === undefined
        ? `WECHATPAY2-SHA256-RSA2048 mchid="${options.mchid ?? fake.merchant.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${options.serialNo ?? fake.merchant.certificateSerialNo}",signature="${signature}"`
        : options.authorization;
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'govpocket-tests' };
    if (authorization !== null) headers.Authorization = authorization;
    const response = await fetch(`${fake.url}${pathAndQuery}`, { method, headers, body: method === 'GET' ? undefined : (options.sentBody ?? bodyText) });
    const text = await response.text();
    return { status: response.status, text, json: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  };
}

export function jsapiOrder(fake: FakeWechat, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: fake.appid,
    mchid: fake.merchant.mchid,
    description: '清江市民中心-护照办理工本费',
    out_trade_no: `GP${Date.now()}${randomBytes(3).toString('hex')}`,
    // Port 1 refuses connections at once: settling without a receiver costs nothing.
    notify_url: 'http://127.0.0.1:1/pay/notify',
    amount: { total: 12000, currency: 'CNY' },
    payer: { openid: 'oDEMO_resident_zhangxm' },
    ...overrides,
  };
}
