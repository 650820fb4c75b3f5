import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { Config } from '../../config';

/**
 * The WeChat Pay merchant this BFF acts for, read from config once: who we are (appid, mchid),
 * the APIv3 key that opens notifications, and the keys that may sign answers and notifications,
 * by Wechatpay-Serial. Several may be configured at once, so a certificate or public key rotation
 * never rejects a notification: `WECHATPAY_PLATFORM_CERTIFICATE` holds one or more 平台证书 PEM
 * blocks (each names its own serial and expiry), `WECHATPAY_PUBLIC_KEY_ID` one or more
 * comma-separated `PUB_KEY_ID_…` with as many 微信支付公钥 PEM blocks, in the same order, in
 * `WECHATPAY_PUBLIC_KEY`.
 */
export type PayMerchant = {
  appid: string;
  mchid: string;
  apiBase: string;
  privateKeyPem: string;
  certificatePem: string;
  apiV3Key: string;
  verificationKeys: ReadonlyMap<string, KeyObject>;
  /** When each configured platform certificate stops being valid (public keys do not expire). */
  certificateExpiries: readonly { serial: string; validTo: Date }[];
  notifyUrls: { transaction: string; refund: string };
};

export const notifyPaths = { transaction: '/payments/wechatpay/notify/transaction', refund: '/payments/wechatpay/notify/refund' } as const;

/** The PEM blocks of one kind in a text, in order. */
export function pemBlocks(text: string, label: string): string[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`, 'g');
  return (text.match(pattern) ?? []).map((block) => `${block}\n`);
}

function platformCertificates(text: string): { serial: string; key: KeyObject; validTo: Date }[] {
  if (!text.trim()) return [];
  const blocks = pemBlocks(text, 'CERTIFICATE');
  if (blocks.length === 0) throw new Error('WECHATPAY_PLATFORM_CERTIFICATE holds no PEM certificate');
  return blocks.map((pem) => {
    const certificate = new X509Certificate(pem);
    // WeChat announces serials in upper case; compare case-insensitively.
    return { serial: certificate.serialNumber.toUpperCase(), key: certificate.publicKey, validTo: new Date(certificate.validTo) };
  });
}

function wechatPublicKeys(ids: string, text: string): { serial: string; key: KeyObject }[] {
  const serials = ids.split(',').map((id) => id.trim()).filter(Boolean);
  if (serials.length === 0 || !text.trim()) return [];
  const blocks = pemBlocks(text, 'PUBLIC KEY');
  if (blocks.length !== serials.length) throw new Error(`WECHATPAY_PUBLIC_KEY holds ${blocks.length} keys for ${serials.length} WECHATPAY_PUBLIC_KEY_ID`);
  return serials.map((serial, index) => ({ serial: serial.toUpperCase(), key: createPublicKey(blocks[index] ?? '') }));
}

/** null when online payment is not configured: fee orders can still be issued, not paid. */
export function readPayMerchant(config: Config): PayMerchant | null {
  const { WECHATPAY_MCHID: mchid, WECHATPAY_MERCHANT_PRIVATE_KEY: privateKeyPem, WECHATPAY_MERCHANT_CERTIFICATE: certificatePem, WECHATPAY_APIV3_KEY: apiV3Key } = config;
  const certificates = platformCertificates(config.WECHATPAY_PLATFORM_CERTIFICATE);
  const keys = [...certificates, ...wechatPublicKeys(config.WECHATPAY_PUBLIC_KEY_ID, config.WECHATPAY_PUBLIC_KEY)];
  const verificationKeys = new Map(keys.map(({ serial, key }) => [serial, key]));
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
    certificateExpiries: certificates.map(({ serial, validTo }) => ({ serial, validTo })),
    notifyUrls: { transaction: `${base}${notifyPaths.transaction}`, refund: `${base}${notifyPaths.refund}` },
  };
}

/** Platform certificates that expire within `withinDays` (or already have): time to add the next one. */
export function expiringCertificates(merchant: Pick<PayMerchant, 'certificateExpiries'>, { now, withinDays = 30 }: { now: Date; withinDays?: number }) {
  return merchant.certificateExpiries
    .filter(({ validTo }) => validTo.getTime() - now.getTime() <= withinDays * 86_400_000)
    .map(({ serial, validTo }) => ({ serial, validTo: validTo.toISOString(), daysLeft: Math.floor((validTo.getTime() - now.getTime()) / 86_400_000) }));
}
