import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh clone of this repository's HEAD in an empty temporary folder, with nothing beside it:
 * what "a fresh clone of this repository alone" means. Installing dependencies there would take
 * minutes, so the clone gets a node_modules of its own made of links into ours, except that the
 * workspace packages (@govpocket/*) point into the clone itself: code the clone runs is the
 * clone's. The generated Prisma client (git-ignored, produced by `npm run generate`) and, when
 * asked, the built mini-program are linked the same way.
 */
export type StandaloneClone = { dir: string; commit: string; remove: () => Promise<void> };

export const repositoryRoot = path.resolve(__dirname, '../..');

const workspaceLinks: Record<string, string> = { bff: 'bff', db: 'prisma', 'fake-wechat': 'fake-wechat', miniprogram: 'miniprogram', shared: 'shared', tests: 'tests' };

async function linkNodeModules(from: string, to: string, isRoot: boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (isRoot && entry.name === '@govpocket') {
      const scope = path.join(to, '@govpocket');
      await mkdir(scope);
      for (const [name, folder] of Object.entries(workspaceLinks)) await symlink(path.join('..', '..', folder), path.join(scope, name));
      continue;
    }
    await symlink(path.join(from, entry.name), path.join(to, entry.name));
  }
}

export async function cloneRepository(options: { withBuild?: boolean } = {}): Promise<StandaloneClone> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'govpocket-clone-'));
  const dir = path.join(parent, 'govpocket');
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repositoryRoot, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', '--shared', repositoryRoot, dir], { stdio: 'pipe' });
  execFileSync('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', '--detach', commit], { cwd: dir, stdio: 'pipe' });
  await linkNodeModules(path.join(repositoryRoot, 'node_modules'), path.join(dir, 'node_modules'), true);
  for (const workspace of Object.values(workspaceLinks)) {
    const own = path.join(repositoryRoot, workspace, 'node_modules');
    if (existsSync(own)) await linkNodeModules(own, path.join(dir, workspace, 'node_modules'), false);
  }
  await symlink(path.join(repositoryRoot, 'prisma/generated'), path.join(dir, 'prisma/generated'));
  if (options.withBuild) await symlink(path.join(repositoryRoot, 'miniprogram/dist'), path.join(dir, 'miniprogram/dist'));
  return { dir, commit, remove: () => rm(parent, { recursive: true, force: true }) };
}
