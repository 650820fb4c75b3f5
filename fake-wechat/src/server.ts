import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import type { FakeWechatControl } from './control/control';
import { controlCors } from './control/cors';
import { controlRouter } from './control/router';
import type { FakeContext } from './fake-context';
import { transportOutage } from './http/outage';
import { miniProgramRouter } from './mini-program/router';
import { payRouter } from './pay/router';

/** One Koa app serving both api.weixin.qq.com and api.mch.weixin.qq.com, plus the control API. */
export function createFakeWechatApp(fake: FakeContext, control: FakeWechatControl): Koa {
  const app = new Koa();
  // Unhandled errors are bugs of the fake; Koa answers 500 and the test sees it. No console noise.
  app.silent = true;
  app.use(controlCors({ allowedOrigins: fake.options.controlOrigins }));
  app.use(transportOutage(fake));
  for (const router of [controlRouter(control), miniProgramRouter(fake), payRouter(fake)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export async function listen(app: Koa, host: string, port: number): Promise<RunningServer> {
  const server: Server = app.listen(port, host);
  await once(server, 'listening');
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      // Keep-alive sockets (fetch keeps them) would otherwise hold close() open.
      server.closeAllConnections();
      await closed;
    },
  };
}
