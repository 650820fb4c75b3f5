import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * A server process of a test's own (redis-server, mariadbd): started on demand, killed outright by
 * stop() (SIGKILL, as a crash or an OOM kill would), and taken along should the test process end
 * without its afterAll. start() on a running server does nothing: a second one would fail to bind
 * the port and orphan the first.
 */
export type ServerProcess = { start: () => Promise<void>; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const isRunning = (child: ChildProcess | undefined): child is ChildProcess => !!child && child.exitCode === null && child.signalCode === null;

export function superviseServer({ name, spawnServer, isReady, startTimeoutMs }: {
  name: string;
  spawnServer: () => ChildProcess;
  isReady: () => Promise<boolean>;
  startTimeoutMs: number;
}): ServerProcess {
  let child: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    const running = child;
    if (!isRunning(running)) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  const start = async (): Promise<void> => {
    if (isRunning(child)) return;
    const started = spawnServer();
    child = started;
    const killOnExit = (): void => { started.kill('SIGKILL'); };
    process.once('exit', killOnExit);
    started.once('exit', () => process.removeListener('exit', killOnExit));
    const deadline = Date.now() + startTimeoutMs;
    while (!(await isReady())) {
      if (started.exitCode !== null || started.signalCode !== null) throw new Error(`${name} exited during start (code ${String(started.exitCode)})`);
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`timed out waiting for the private ${name}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { start, stop };
}
