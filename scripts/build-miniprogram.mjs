#!/usr/bin/env node
// Builds the mini-program for weapp and H5 (the test run needs the H5 bundle), keeping Taro's
// progress output in .data/build-<target>.log and printing it only when a build fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const logDir = path.join(root, '.data');
mkdirSync(logDir, { recursive: true });

function directorySize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

for (const target of process.argv.slice(2).length ? process.argv.slice(2) : ['weapp', 'h5']) {
  const started = Date.now();
  const result = spawnSync('npm', ['run', `build:${target}`, '-w', 'miniprogram'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 << 20 });
  const log = path.join(logDir, `build-${target}.log`);
  writeFileSync(log, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`);
    console.error(`[build] ${target} failed (log: ${path.relative(root, log)})`);
    process.exit(result.status ?? 1);
  }
  const out = path.join(root, 'miniprogram/dist', target);
  // Per-package weapp sizes against WeChat's limits: tests/ops/package-size.test.ts and npm run bench.
  console.log(`[build] ${target} built in ${((Date.now() - started) / 1000).toFixed(0)} s, ${(directorySize(out) / 1024).toFixed(0)} KB in all (log: ${path.relative(root, log)})`);
}
