import { bindPhoneRequestSchema, wechatLoginRequestSchema } from '@govpocket/shared';
import { fakeWechatClient, ignoreResponseBody } from './api-client';

/*
 * H5 demo only: the fake WeChat server's control API plays the part of the WeChat client, which a
 * browser does not have. Never called by the weapp build.
 */

/**
 * Mints a login code for a demo persona, standing in for `wx.login`. The answer `{ code, openid }`
 * carries the login request's `{ code }`, so that schema parses it.
 */
export async function requestDemoLoginCode(personaKey: string): Promise<string> {
  const { code } = await fakeWechatClient.request({
    method: 'POST',
    path: '/__control/login-code',
    body: { personaKey },
    responseSchema: wechatLoginRequestSchema,
  });
  return code;
}

/** Records that the persona accepted one send of a subscribe-message template (the WeChat prompt's "允许"). */
export async function acceptDemoSubscription(personaKey: string, templateId: string): Promise<void> {
  await fakeWechatClient.request({
    method: 'POST',
    path: '/__control/subscribe',
    body: { personaKey, templateId },
    responseSchema: ignoreResponseBody,
  });
}

/**
 * Mints a getPhoneNumber code for the persona, standing in for the WeChat phone-number button; the
 * fake answers the persona's own number when the BFF exchanges the code. `{ code, phone }` carries
 * the bind request's `{ code }`, so that schema parses it (and drops the number).
 */
export async function requestDemoPhoneCode(personaKey: string): Promise<string> {
  const { code } = await fakeWechatClient.request({
    method: 'POST',
    path: '/__control/phone-code',
    body: { personaKey },
    responseSchema: bindPhoneRequestSchema,
  });
  return code;
}

/**
 * Confirms the payment of a prepay order in the fake WeChat Pay, standing in for the resident
 * entering their password in wx.requestPayment. WeChat Pay then notifies the BFF as it would.
 */
export async function confirmDemoPayment(outTradeNo: string): Promise<void> {
  await fakeWechatClient.request({
    method: 'POST',
    path: '/__control/pay/settle',
    body: { out_trade_no: outTradeNo },
    responseSchema: ignoreResponseBody,
  });
}
