import { createSign, createVerify, type KeyLike } from 'node:crypto';

/** SHA256withRSA (PKCS#1 v1.5), base64: the only signature scheme of WeChat Pay API v3. */
export function signSha256WithRsa(message: string, privateKey: KeyLike): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function verifySha256WithRsa(message: string, signature: string, publicKey: KeyLike): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    // A malformed key or signature is simply "not verified" for the caller.
    return false;
  }
}

/** `timestamp\nnonce\nbody\n`: what WeChat Pay signs in responses and notifications. */
export function responseSignatureMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** `METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n`: what a merchant signs in a request. */
export function requestSignatureMessage(input: { method: string; url: string; timestamp: string; nonce: string; body: string }): string {
  return `${input.method}\n${input.url}\n${input.timestamp}\n${input.nonce}\n${input.body}\n`;
}
