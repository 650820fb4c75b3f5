import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { randomAlphanumeric, randomDigits } from '../identifiers';
import { createSelfSignedCertificate } from './x509-certificate';

const generateRsaKeyPair = promisify(generateKeyPair);

/** What a merchant downloads from the WeChat Pay console (apiclient_key.pem, apiclient_cert.pem, APIv3 key). */
export type MerchantCredentials = {
  mchid: string;
  privateKeyPem: string;
  certificatePem: string;
  /** 40 upper-case hex digits, the `serial_no` of the Authorization header. */
  certificateSerialNo: string;
  /** 32 ASCII characters; the AES-256-GCM key of notifications and certificate downloads. */
  apiV3Key: string;
};

/** WeChat Pay's verification material as a merchant sees it: a platform certificate and/or a 微信支付公钥. */
export type PlatformKeys = {
  certificatePem: string;
  certificateSerialNo: string;
  /** `PUB_KEY_ID_…`: the Wechatpay-Serial of merchants on the public-key scheme. */
  publicKeyId: string;
  publicKeyPem: string;
};

/** Everything, including the platform private key only the fake itself may use. */
export type KeyMaterial = {
  merchant: MerchantCredentials;
  merchantPublicKey: KeyObject;
  platform: PlatformKeys;
  platformPrivateKey: KeyObject;
};

const dayMs = 86_400_000;

async function newRsaKeyPair(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return generateRsaKeyPair('rsa', { modulusLength: 2048 });
}

/** Fresh keys on every start: none are ever written to disk or committed. */
export async function generateKeyMaterial(mchid: string): Promise<KeyMaterial> {
  const [merchantKeys, platformKeys] = await Promise.all([newRsaKeyPair(), newRsaKeyPair()]);
  const validFrom = new Date(Date.now() - dayMs);
  const validTo = new Date(Date.now() + 5 * 365 * dayMs);
  const merchantCertificate = createSelfSignedCertificate({
    subject: { commonName: `${mchid}_清江市政务服务中心`, organization: '微信商户系统', organizationalUnit: '清江市政务服务中心' },
    ...merchantKeys,
    validFrom,
    validTo,
  });
  const platformCertificate = createSelfSignedCertificate({
    subject: { commonName: 'Tenpay.com sign', organization: 'Tenpay.com', organizationalUnit: 'Tenpay.com CA Center' },
    ...platformKeys,
    validFrom,
    validTo,
  });
  return {
    merchant: {
      mchid,
      privateKeyPem: merchantKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      certificatePem: merchantCertificate.pem,
      certificateSerialNo: merchantCertificate.serialNumber,
      apiV3Key: randomAlphanumeric(32),
    },
    merchantPublicKey: merchantKeys.publicKey,
    platform: {
      certificatePem: platformCertificate.pem,
      certificateSerialNo: platformCertificate.serialNumber,
      publicKeyId: `PUB_KEY_ID_0116${mchid.padStart(10, '0')}${randomDigits(14)}`,
      publicKeyPem: platformKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    platformPrivateKey: platformKeys.privateKey,
  };
}
