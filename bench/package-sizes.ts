import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Sizes of the weapp build per package, as WeChat counts them against its limits: a subpackage is
 * its root folder (from the built app.json), the main package is everything else.
 */
export const packageLimitBytes = 2 * 1024 * 1024;
export const mainPackageTargetBytes = 1024 * 1024;
export const weappDistDir = path.resolve(__dirname, '../miniprogram/dist/weapp');

export type PackageSize = { name: string; bytes: number };

const appJsonSchema = z.object({ subPackages: z.array(z.object({ root: z.string() })).default([]) });

function directorySize(dir: string, skip: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

/** The main package first, then each subpackage by its root. */
export function weappPackageSizes(distDir = weappDistDir): PackageSize[] {
  const appJson = path.join(distDir, 'app.json');
  if (!existsSync(appJson)) throw new Error(`${appJson} is missing: build the weapp first (npm run build)`);
  const roots = appJsonSchema.parse(JSON.parse(readFileSync(appJson, 'utf8'))).subPackages.map((entry) => entry.root.replace(/\/$/, ''));
  return [{ name: 'main', bytes: directorySize(distDir, new Set(roots)) }, ...roots.map((root) => ({ name: root, bytes: directorySize(path.join(distDir, root)) }))];
}
