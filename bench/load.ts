import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarise, type LatencySummary } from './stats';

/**
 * A closed-loop HTTP load generator: `concurrency` keep-alive clients each send the next request
 * as soon as the previous answer arrives, for `durationMs`. Run it in its own process so that it
 * does not share a core's event loop with the server under test.
 */
export type LoadResult = { requests: number; errors: number; rps: number; latency: LatencySummary };

export async function runLoad({ url, concurrency, durationMs, headers = {} }: { url: string; concurrency: number; durationMs: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const samples: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  const once = (): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const request = http.request({ agent, host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: 'GET', headers }, (response) => {
        response.resume();
        response.on('end', () => {
          if ((response.statusCode ?? 500) >= 400) errors += 1;
          samples.push(performance.now() - started);
          resolve();
        });
      });
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  return { requests: samples.length, errors, rps: (samples.length / elapsed) * 1000, latency: summarise(samples) };
}

// As a child process: `tsx bench/load.ts <json options>` prints the result as JSON.
if (require.main === module) {
  const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof runLoad>[0];
  void runLoad(options).then((result) => {
    process.stdout.write(JSON.stringify(result));
  });
}
