import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort, superviseServer } from './private-server';

/** A redis-server of the test's own, so a test can stop and restart it without touching others. */
export type PrivateRedis = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void> };

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = superviseServer({
    name: 'redis-server',
    spawnServer: () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }),
    isReady: () => isListening(port),
    startTimeoutMs: 10_000,
  });
  await server.start();
  return { url: `redis://127.0.0.1:${port}/0`, port, ...server };
}
