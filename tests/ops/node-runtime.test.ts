import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm test` and `npm run demo` run on Node 24 LTS (package.json engines) even on a machine whose
 * node is older: scripts/run.mjs then fetches Node's own binary from the npm registry into .tools/
 * and runs every step under it.
 */
const root = path.resolve(__dirname, '../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
const majorOf = (version: string): number => Number(version.replace(/^v/, '').split('.')[0]);

function nodeChosenBy(node: string): string {
  const answer = spawnSync(node, ['scripts/run.mjs', 'node-path'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  expect({ status: answer.status, stderr: answer.stderr }).toMatchObject({ status: 0 });
  return answer.stdout.trim().split('\n').pop() ?? '';
}

function versionOf(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

describe('the Node.js the commands run on', () => {
  it('is Node 24 LTS, for both commands, through the runner', () => {
    expect(packageJson.engines.node).toBe('>=24');
    expect(packageJson.scripts.test).toBe('node scripts/run.mjs test');
    expect(packageJson.scripts.demo).toBe('node scripts/run.mjs demo');
  });

  it('the runner keeps a node that is new enough, and brings Node 24 to one that is older', () => {
    const candidates = new Set([process.execPath]);
    for (const binary of ['/usr/bin/node', '/usr/local/bin/node']) if (existsSync(binary)) candidates.add(binary);
    for (const node of candidates) {
      const chosen = nodeChosenBy(node);
      expect(majorOf(versionOf(chosen))).toBe(24);
      if (majorOf(versionOf(node)) >= 24) expect(chosen).toBe(node);
      else expect(chosen).toBe(path.join(root, '.tools/node-24/bin/node'));
    }
  }, 300_000);

  // Only when `npm test` started jest (the runner sets GOVPOCKET_NODE); `npx jest` directly skips it.
  (process.env.GOVPOCKET_NODE ? it : it.skip)('runs this very suite on the node the runner chose', () => {
    expect(process.execPath).toBe(process.env.GOVPOCKET_NODE);
    expect(majorOf(process.version)).toBeGreaterThanOrEqual(24);
  });
});
