import Koa from 'koa';
import { createLogger } from '../../bff/src/platform/logger';
import { serve } from '../../bff/src/platform/server';

describe('graceful shutdown', () => {
  it('lets in-flight requests finish, refuses new ones, then closes the pools', async () => {
    const app = new Koa();
    app.use(async (ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      ctx.body = { done: true };
    });
    const closed: string[] = [];
    const running = await serve({
      app, host: '127.0.0.1', port: 0, logger: createLogger({ level: 'silent' }), shutdownTimeoutMs: 5000,
      closers: [async () => { closed.push('mysql'); }, async () => { closed.push('redis'); }],
    });
    const inFlight = fetch(`${running.url}/slow`).then((response) => response.json());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shutdown = running.shutdown();
    await expect(inFlight).resolves.toEqual({ done: true });
    await shutdown;
    expect(closed).toEqual(['mysql', 'redis']);
    await expect(fetch(`${running.url}/late`)).rejects.toThrow();
  });
});
