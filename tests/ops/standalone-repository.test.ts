import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../prisma/src/database-url';
import { cloneRepository, repositoryRoot, type StandaloneClone } from '../support/standalone-clone';
import { testServerUrl } from '../support/test-env';

/**
 * The repository stands on its own: a fresh clone with no folder beside it migrates and seeds the
 * demo city (its 48 guides come from inside the repository), and no source file reaches for a
 * path above the repository root.
 */
const sourceFolders = ['bff', 'prisma', 'tests', 'bench', 'scripts', 'fake-wechat', 'shared', 'miniprogram'];
const skipped = new Set(['node_modules', 'dist', 'generated', '.swc', 'coverage', '.data']);
const database = `govpocket_standalone_${process.pid}`;

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|json)$/.test(entry.name)) files.push(full);
  }
  return files;
}

const stringLiteral = String.raw`(?:'[^'\n]*'|"[^"\n]*")`;
const unquote = (literal: string): string => literal.slice(1, -1);

/** Relative paths a file names: module specifiers, and path.resolve/join chains anchored at its own folder. */
function pathsNamedIn(source: string): string[] {
  const named: string[] = [];
  const specifiers = new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|jest\.mock\s*\(\s*)(${stringLiteral})`, 'g');
  for (const match of source.matchAll(specifiers)) {
    const specifier = unquote(match[1] ?? "''");
    if (specifier.startsWith('.')) named.push(specifier);
  }
  // __dirname, import.meta.dirname, or the folder of fileURLToPath(import.meta.url), then literal segments.
  const anchored = new RegExp(String.raw`(?:__dirname|import\.meta\.dirname|dirname\(\s*fileURLToPath\(\s*import\.meta\.url\s*\)\s*\))((?:\s*,\s*${stringLiteral})+)`, 'g');
  for (const match of source.matchAll(anchored)) {
    const segments = [...(match[1] ?? '').matchAll(new RegExp(stringLiteral, 'g'))].map((segment) => unquote(segment[0]));
    named.push(path.join(...segments));
  }
  return named;
}

describe('the repository stands on its own', () => {
  it('no source file names a path above the repository root', () => {
    const outside: string[] = [];
    let checked = 0;
    for (const folder of sourceFolders) {
      for (const file of sourceFiles(path.join(repositoryRoot, folder))) {
        for (const named of pathsNamedIn(readFileSync(file, 'utf8'))) {
          checked += 1;
          const target = path.resolve(path.dirname(file), named);
          if (path.relative(repositoryRoot, target).startsWith('..')) outside.push(`${path.relative(repositoryRoot, file)}: ${named}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(outside).toEqual([]);
  });

  it('recognises the ways a path can climb out', () => {
    // Built from pieces, so that this file does not itself name a path above the root.
    const up = ['..', '..', '..'].join('/');
    const named = pathsNamedIn([
      `const data = path.resolve(__dirname, '${up}/shared/data/guides.json');`,
      `path.join(__dirname, ${['..', '..', '..', 'shared'].map((segment) => `'${segment}'`).join(', ')})`,
      `const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');`,
      `import x from '${up}/shared/src';`,
      `const y = require('./y');`,
    ].join('\n'));
    expect(named.sort()).toEqual([`${up}/shared`, `${up}/shared/data/guides.json`, `${up}/shared/src`, '..', './y'].sort());
    const guideData = path.join(repositoryRoot, 'prisma/src/seed/guide-data.ts');
    // The old data location (four levels up from prisma/src/seed) lies outside the repository.
    expect(path.relative(repositoryRoot, path.resolve(path.dirname(guideData), up, '..', 'shared', 'data'))).toMatch(/^\.\./);
  });

  describe('a fresh clone alone', () => {
    let clone: StandaloneClone;

    beforeAll(async () => {
      clone = await cloneRepository();
    }, 60_000);
    afterAll(async () => {
      const { database: _unused, ...server } = parseDatabaseUrl(testServerUrl);
      const connection = await mysql.createConnection(server);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
      await clone?.remove();
    });

    function runInClone(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
      return new Promise((resolve) => {
        // A bare environment: no mode, no SERVICE_GUIDES_PATH, nothing of the test run's.
        const child = spawn(process.execPath, ['--import', 'tsx', script], {
          cwd: clone.dir,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    }

    it('is this commit, with the workspace packages resolving into the clone itself', () => {
      expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: clone.dir, encoding: 'utf8' })).toBe('');
      expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone.dir, encoding: 'utf8' }).trim()).toBe(clone.commit);
      const resolved = execFileSync(process.execPath, ['-p', "require.resolve('@govpocket/db/package.json')"], { cwd: clone.dir, encoding: 'utf8' }).trim();
      expect(realpathSync(resolved)).toBe(path.join(realpathSync(clone.dir), 'prisma/package.json'));
    });

    it('migrates and seeds a fresh database with the 48 guides of the demo city', async () => {
      const databaseUrl = withDatabase(testServerUrl, database);
      const migrated = await runInClone('prisma/src/cli.ts', { DATABASE_URL: databaseUrl });
      expect({ code: migrated.code, output: migrated.output }).toMatchObject({ code: 0 });
      const seeded = await runInClone('prisma/src/seed.ts', { DATABASE_URL: databaseUrl });
      expect({ code: seeded.code, output: seeded.output }).toMatchObject({ code: 0 });
      expect(seeded.output).toMatch(/"serviceItems":48/);

      const connection = await mysql.createConnection(parseDatabaseUrl(databaseUrl));
      try {
        const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM `ServiceItem`');
        expect(Number(rows[0]?.n)).toBe(48);
      } finally {
        await connection.end();
      }
    }, 180_000);
  });
});
