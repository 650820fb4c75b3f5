#!/usr/bin/env node
// The one preparation step behind `npm test` and `npm run demo` on a fresh machine: installs the
// workspace dependencies (install scripts denied, see package.json allowScripts), Debian's
// Chromium for the browser tests, generates the Prisma client and makes sure MySQL and Redis run.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, options = {}) {
  console.log(`[setup] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function dependenciesAreCurrent() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    throw new Error('Chromium is needed for the browser tests. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium');
  }
  const install = () => spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) {
    run('apt-get', ['update']);
    if (install().status !== 0) throw new Error('apt-get install -y chromium failed');
  }
}

async function main() {
  if (!dependenciesAreCurrent()) run('npm', ['ci', '--no-audit', '--no-fund']);
  if (process.env.SKIP_CHROMIUM !== '1') ensureChromium();
  run(process.execPath, ['scripts/prisma-generate.mjs']);
  for (const line of await ensureServices()) console.log(`[services] ${line}`);
}

main().catch((error) => {
  console.error(`[setup] ${error.message}`);
  process.exit(1);
});
