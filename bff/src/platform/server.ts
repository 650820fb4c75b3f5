import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { defaultMessageByCode } from './errors/app-error';
import type Koa from 'koa';
import type { Logger } from './logger';

export type RunningServer = {
  server: http.Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), then runs the closers. */
  shutdown: () => Promise<void>;
};

export type ServeOptions = {
  app: Koa<never> | Koa;
  host: string;
  port: number;
  logger: Logger;
  shutdownTimeoutMs: number;
  /** Pools and clients to close once requests have drained, in order. */
  closers?: Array<() => Promise<unknown>>;
};

const clientErrorAnswers: Record<string, { status: number; reason: string; code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE'; message?: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'BAD_REQUEST', message: '请求头过大，请刷新后重试' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'BAD_REQUEST', message: '请求超时，请重试' },
  HPE_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'BAD_REQUEST', message: '请求超时，请重试' },
};

/**
 * What Node answers itself, before the app sees a request it cannot parse (a bad request
 * target, a raw 0xFF in the path, a broken header line, headers too large): by default an
 * empty 400 or 431. Answered here with the error shape every other answer has.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable || Reflect.get(socket, '_httpMessage')) {
    socket.destroy();
    return;
  }
  const answer = clientErrorAnswers[error.code ?? ''] ?? { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST' as const };
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message ?? defaultMessageByCode[answer.code], requestId } });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const server = http.createServer(options.app.callback());
  server.keepAliveTimeout = 5000;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      options.logger.info('shutting down: draining in-flight requests');
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go idle as their last response ends: close them as they do.
      server.closeIdleConnections();
      const idleSweeper = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        options.logger.warn('shutdown timeout: closing remaining connections');
        server.closeAllConnections();
      }, options.shutdownTimeoutMs);
      await drained;
      clearTimeout(timer);
      clearInterval(idleSweeper);
      for (const close of options.closers ?? []) {
        await close().catch((error: unknown) => options.logger.error({ err: error }, 'error while closing a pool'));
      }
      options.logger.info('shutdown complete');
    })();
    return shuttingDown;
  };
  return { server, url: `http://${options.host}:${port}`, shutdown };
}
