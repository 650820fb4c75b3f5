import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const server = http.createServer(options.app.callback());
  server.keepAliveTimeout = 5000;
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
