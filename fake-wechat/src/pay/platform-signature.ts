import { randomBytes } from 'node:crypto';
import { wallClockSeconds } from '../clock';
import { responseSignatureMessage, signSha256WithRsa } from '../crypto/rsa-signature';
import type { FakeContext } from '../fake-context';

export type WechatpaySignatureHeaders = {
  'Wechatpay-Timestamp': string;
  'Wechatpay-Nonce': string;
  'Wechatpay-Signature': string;
  'Wechatpay-Serial': string;
};

/** The serial WeChat Pay announces: the 微信支付公钥 id or the platform certificate serial. */
export function announcedSerial(fake: FakeContext): string {
  const { platform } = fake.keys;
  return fake.state.settings.responseSerial === 'certificate' ? platform.certificateSerialNo : platform.publicKeyId;
}

/** Signs a response or notification body with the platform key, over `timestamp\nnonce\nbody\n`. */
export function signWithPlatformKey(fake: FakeContext, body: string): WechatpaySignatureHeaders {
  const timestamp = String(wallClockSeconds());
  const nonce = randomBytes(16).toString('hex');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signSha256WithRsa(responseSignatureMessage(timestamp, nonce, body), fake.keys.platformPrivateKey),
    'Wechatpay-Serial': announcedSerial(fake),
  };
}
