import { z } from 'zod';

/**
 * A link staff enter for residents to open (a guide's blank form or sample, a consultation's
 * attachment): https only, with a host and no credentials. `javascript:`, `data:`, `http:` and
 * the like are refused, so nothing a resident taps can run script or leave TLS.
 */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function httpsUrl(message = '链接须为 https:// 开头的网址') {
  return z.string().trim().max(512, '链接不能超过512个字符').refine(isHttpsUrl, message);
}
