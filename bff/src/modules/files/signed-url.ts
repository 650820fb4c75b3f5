import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignedFileUrl } from '@govpocket/shared';

/**
 * Signed, expiring file URLs: `/files/<id>?expires=<unix s>&sig=<hmac>` (plus `v=<user id>` when
 * issued to a known viewer). The URL itself is the permission: the mini-program's <image> and the
 * H5 <img> fetch it without our Authorization header, so the server cannot check who holds it.
 * Modules decide who may see a file (owner, staff in scope) and only then sign a URL for them.
 *
 * The viewer id, when given, is covered by the signature but not checked against the requester:
 * it ties a URL that leaks (a screenshot, a forwarded link) to the person it was issued to, and
 * stops it from being re-attributed to someone else. Expiry is what limits a leak.
 */
export type SignFileUrlOptions = { ttlSeconds?: number; viewerUserId?: string };

export type FileUrlQuery = { fileId: string; expires: number; sig: string; viewerUserId?: string };

export type FileUrlVerdict = { isValid: true; expiresInSeconds: number } | { isValid: false; reason: 'bad-signature' | 'expired' };

export type FileUrlSigner = {
  signFileUrl: (fileId: string, options?: SignFileUrlOptions) => SignedFileUrl;
  verifyFileUrl: (query: FileUrlQuery) => FileUrlVerdict;
};

export type FileUrlSignerOptions = {
  secret: string;
  /** '' for URLs relative to the BFF. */
  baseUrl: string;
  defaultTtlSeconds: number;
  now?: () => number;
};

// A URL outliving a week would be a standing grant; callers wanting longer must sign again.
const maxTtlSeconds = 7 * 24 * 3600;
const signaturePattern = /^[A-Za-z0-9_-]{43}$/;

export function createFileUrlSigner({ secret, baseUrl, defaultTtlSeconds, now = Date.now }: FileUrlSignerOptions): FileUrlSigner {
  const mac = (fileId: string, expires: number, viewerUserId: string | undefined): Buffer =>
    // Versioned and newline-separated, so no two (id, expires, viewer) triples share an input.
    createHmac('sha256', secret).update(`file-url:v1\n${fileId}\n${expires}\n${viewerUserId ?? ''}`).digest();

  return {
    signFileUrl: (fileId, { ttlSeconds = defaultTtlSeconds, viewerUserId } = {}) => {
      const expiresAt = Math.floor(now() / 1000) + Math.min(Math.max(1, Math.floor(ttlSeconds)), maxTtlSeconds);
      const query = new URLSearchParams({ expires: String(expiresAt) });
      if (viewerUserId) query.set('v', viewerUserId);
      query.set('sig', mac(fileId, expiresAt, viewerUserId).toString('base64url'));
      return { fileId, url: `${baseUrl.replace(/\/+$/, '')}/files/${encodeURIComponent(fileId)}?${query.toString()}`, expiresAt };
    },
    verifyFileUrl: ({ fileId, expires, sig, viewerUserId }) => {
      if (!signaturePattern.test(sig)) return { isValid: false, reason: 'bad-signature' };
      // Compare the canonical text, not decoded bytes: the last base64url character carries unused
      // bits, so several spellings decode to the same bytes and must not all be accepted.
      const expected = Buffer.from(mac(fileId, expires, viewerUserId || undefined).toString('base64url'));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { isValid: false, reason: 'bad-signature' };
      const expiresInSeconds = expires - Math.floor(now() / 1000);
      return expiresInSeconds > 0 ? { isValid: true, expiresInSeconds } : { isValid: false, reason: 'expired' };
    },
  };
}
