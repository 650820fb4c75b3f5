import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedPush = { url: string; headers: IncomingHttpHeaders; body: string };

/**
 * A tiny merchant endpoint: records every push and answers with the status `respond` picks
 * (e.g. fail twice, then acknowledge).
 */
export async function startNotifyReceiver(options: { respond?: (attempt: number) => number; path?: string } = {}) {
  const respond = options.respond ?? (() => 204);
  const received: ReceivedPush[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = respond(received.length);
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(status < 300 ? '' : JSON.stringify({ code: 'FAIL', message: '失败' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/pay/notify'}`,
    received,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
