import { randomBytes } from 'node:crypto';

/** A complete, safe production configuration (values made up): what the BFF accepts with no mode set. */
export function productionEnv(): Record<string, string> {
  return {
    DATA_ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`,
    FILE_URL_SECRET: randomBytes(32).toString('hex'),
    WECHAT_APPID: 'wx8f3c2a1b4d5e6f70',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    WECHAT_MESSAGE_PUSH_TOKEN: randomBytes(12).toString('hex'),
    DATABASE_URL: 'mysql://govpocket_app:app-password@10.0.3.11:3306/govpocket',
  };
}
