export { startFakeWechat, type FakeWechat } from './fake-wechat';
export type { FakeWechatControl, PublishedKeys, UserRef } from './control/control';
export type { Clock } from './clock';
export type { MerchantCredentials, PlatformKeys } from './crypto/key-material';
export { decryptAeadAes256Gcm, encryptAeadAes256Gcm, type EncryptedResource } from './crypto/aead-aes-256-gcm';
export { defaultSensitiveWords, defaultSubscribeTemplates, type FakeWechatOptions, type ResponseSerialMode, type SensitiveWords } from './options';
export { messagePushSignature } from './mini-program/media-check';
export type * from './state';
export { createSelfSignedCertificate } from './crypto/x509-certificate';
