import type { IncomingMessage } from 'node:http';
import type { Middleware } from 'koa';

/**
 * Endpoints whose sender signs the exact bytes (WeChat Pay notifications) or whose signature must
 * be checked before a byte of the body is read (WeChat's 消息推送) read their body themselves.
 */

/** Placed before the JSON body parser: requests to these paths keep their raw body. */
export function keepRawBody(paths: Iterable<string>): Middleware {
  const kept = new Set(paths);
  return async (ctx, next) => {
    if (kept.has(ctx.path)) Reflect.set(ctx, 'disableBodyParser', true);
    await next();
  };
}

/** The raw bytes of a request, refused with `tooLarge()` past `maxBytes` (declared or counted). */
export async function readBodyBytes(req: IncomingMessage, { maxBytes, tooLarge }: { maxBytes: number; tooLarge: () => Error }): Promise<Buffer> {
  if (Number(req.headers['content-length'] || 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
