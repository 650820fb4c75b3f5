import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A real BFF process (bff/src/main.ts) on a port of the test's choosing, for tests that kill or
 * restart one. tsx runs as a loader, not its CLI: the CLI puts the script in a grandchild, so a
 * SIGKILL sent to the child would leave the server itself running. Output is kept for diagnosis.
 */
export type BffProcess = { child: ChildProcess; url: string; output: string[] };

const root = path.resolve(__dirname, '../..');

export async function startBffProcess({ port, env }: { port: number; env: Record<string, string> }): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bff/src/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const bff = { child, url: `http://127.0.0.1:${port}`, output };
  await waitUntilServing(bff, 30_000);
  return bff;
}

async function waitUntilServing(bff: BffProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bff.child.exitCode !== null || bff.child.signalCode !== null) throw new Error(`the BFF exited before serving\n${bff.output.join('')}`);
    const isUp = await fetch(`${bff.url}/healthz`).then((answer) => answer.ok, () => false);
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the BFF did not serve within ${timeoutMs} ms\n${bff.output.join('')}`);
}

/** Sends the signal and resolves once the process is gone (at once if it already is). */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
