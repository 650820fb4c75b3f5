import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { Config } from '../../config';

/**
 * The WeChat Pay merchant this BFF acts for, read from config once: who we are (appid, mchid),
 * the APIv3 key that opens notifications, and the keys that may sign them, by Wechatpay-Serial
 * (a 平台证书 serial and/or a 微信支付公钥 id `PUB_KEY_ID_…`).
 */
export type PayMerchant = {
  appid: string;
  mchid: string;
  apiBase: string;
  privateKeyPem: string;
  certificatePem: string;
  apiV3Key: string;
  verificationKeys: ReadonlyMap<string, KeyObject>;
  notifyUrls: { transaction: string; refund: string };
};

export const notifyPaths = { transaction: '/payments/wechatpay/notify/transaction', refund: '/payments/wechatpay/notify/refund' } as const;

/** null when online payment is not configured: fee orders can still be issued, not paid. */
export function readPayMerchant(config: Config): PayMerchant | null {
  const { WECHATPAY_MCHID: mchid, WECHATPAY_MERCHANT_PRIVATE_KEY: privateKeyPem, WECHATPAY_MERCHANT_CERTIFICATE: certificatePem, WECHATPAY_APIV3_KEY: apiV3Key } = config;
  const verificationKeys = new Map<string, KeyObject>();
  if (config.WECHATPAY_PLATFORM_CERTIFICATE) {
    const certificate = new X509Certificate(config.WECHATPAY_PLATFORM_CERTIFICATE);
    // WeChat announces serials in upper case; compare case-insensitively.
    verificationKeys.set(certificate.serialNumber.toUpperCase(), certificate.publicKey);
  }
  if (config.WECHATPAY_PUBLIC_KEY_ID && config.WECHATPAY_PUBLIC_KEY) {
    verificationKeys.set(config.WECHATPAY_PUBLIC_KEY_ID.toUpperCase(), createPublicKey(config.WECHATPAY_PUBLIC_KEY));
  }
  if (!mchid || !privateKeyPem || !certificatePem || !apiV3Key || verificationKeys.size === 0) return null;
  const base = config.WECHATPAY_NOTIFY_BASE.replace(/\/+$/, '');
  return {
    appid: config.WECHAT_APPID,
    mchid,
    apiBase: config.WECHATPAY_API_BASE.replace(/\/+$/, ''),
    privateKeyPem,
    certificatePem,
    apiV3Key,
    verificationKeys,
    notifyUrls: { transaction: `${base}${notifyPaths.transaction}`, refund: `${base}${notifyPaths.refund}` },
  };
}
