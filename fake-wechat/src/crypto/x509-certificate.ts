import { createSign, randomBytes, type KeyObject } from 'node:crypto';
import { bitString, derNull, explicit, objectIdentifier, printableString, sequence, set, time, unsignedInteger, utf8String } from './der';

export type CertificateSubject = { commonName: string; organization: string; organizationalUnit?: string };

export type SelfSignedCertificate = {
  pem: string;
  /** Upper-case hex as WeChat Pay shows it; wechatpay-node-v3 reads the same value in lower case. */
  serialNumber: string;
};

const sha256WithRsaEncryption = '1.2.840.113549.1.1.11';
const attributeOids = { country: '2.5.4.6', organization: '2.5.4.10', organizationalUnit: '2.5.4.11', commonName: '2.5.4.3' };

function attribute(oid: string, value: Buffer): Buffer {
  return set(sequence(objectIdentifier(oid), value));
}

function distinguishedName(subject: CertificateSubject): Buffer {
  return sequence(
    attribute(attributeOids.country, printableString('CN')),
    attribute(attributeOids.organization, utf8String(subject.organization)),
    ...(subject.organizationalUnit ? [attribute(attributeOids.organizationalUnit, utf8String(subject.organizationalUnit))] : []),
    attribute(attributeOids.commonName, utf8String(subject.commonName)),
  );
}

/**
 * 20 random bytes with the top nibble forced to 1, 3, 5 or 7: the INTEGER stays positive without
 * a padding byte and the hex serial never starts with 0, so every parser prints the same 40 digits.
 */
function newSerial(): Buffer {
  const serial = randomBytes(20);
  serial[0] = ((serial[0] ?? 0) & 0x6f) | 0x10;
  return serial;
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A self-signed X.509 v3 certificate (SHA256withRSA) for an RSA key pair. */
export function createSelfSignedCertificate(input: {
  subject: CertificateSubject;
  publicKey: KeyObject;
  privateKey: KeyObject;
  validFrom: Date;
  validTo: Date;
}): SelfSignedCertificate {
  const serial = newSerial();
  const name = distinguishedName(input.subject);
  const algorithm = sequence(objectIdentifier(sha256WithRsaEncryption), derNull());
  const tbsCertificate = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))),
    unsignedInteger(serial),
    algorithm,
    name,
    sequence(time(input.validFrom), time(input.validTo)),
    name,
    input.publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = createSign('sha256').update(tbsCertificate).sign(input.privateKey);
  return { pem: toPem(sequence(tbsCertificate, algorithm, bitString(signature))), serialNumber: serial.toString('hex').toUpperCase() };
}
