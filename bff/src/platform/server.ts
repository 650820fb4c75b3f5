import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { defaultMessageByCode } from './errors/app-error';
import type Koa from 'koa';
import { answerUnparsedRequest, type UnparsedRequestStatus } from './http/unparsed-request';
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

const clientErrorMessages: Partial<Record<UnparsedRequestStatus, string>> = { 431: '请求头过大，请刷新后重试', 408: '请求超时，请重试' };

/** Node's own answers to unparseable requests, in the error shape every other answer has. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  answerUnparsedRequest(error, socket, (status) => {
    const requestId = randomUUID();
    const body = JSON.stringify({ error: { code: 'BAD_REQUEST', message: clientErrorMessages[status] ?? defaultMessageByCode.BAD_REQUEST, requestId } });
    return { headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': requestId, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }, body };
  });
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
