import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Nothing a resident can tap says "即将开放": every file of the mini-program outside the staff and
 * admin subpackages is scanned for the words and for calls of `announceComingSoon`.
 */
const sourceRoot = path.join(__dirname, '../../miniprogram/src');
const staffOnly = new Set(['staff', 'admin']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return dir === sourceRoot && staffOnly.has(name) ? [] : sourceFiles(full);
    return /\.(tsx?|html)$/.test(name) ? [full] : [];
  });
}

describe('resident-facing mini-program source', () => {
  const files = sourceFiles(sourceRoot);

  it('scans the main package and the resident subpackages', () => {
    const relative = files.map((file) => path.relative(sourceRoot, file));
    expect(relative).toEqual(expect.arrayContaining(['pages/mine/index.tsx', 'mailbox/letters/index.tsx', 'booking/index/index.tsx']));
    expect(relative.some((file) => file.startsWith('staff/') || file.startsWith('admin/'))).toBe(false);
  });

  it('never announces a feature as coming soon', () => {
    const offending = files.flatMap((file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      return lines
        .map((line, index) => ({ line, at: `${path.relative(sourceRoot, file)}:${index + 1}` }))
        .filter(({ line }) => /即将开放|暂未开放|敬请期待/.test(line) || /announceComingSoon\(/.test(line))
        // The helper itself is defined here for the staff and admin home screens.
        .filter(({ line, at }) => !(at.startsWith('navigation/routes.ts:') && /export function announceComingSoon|功能即将开放`\)/.test(line)))
        .map(({ at, line }) => `${at} ${line.trim()}`);
    });
    expect(offending).toEqual([]);
  });

  it('opens 我的留言 from 我的', () => {
    const mine = readFileSync(path.join(sourceRoot, 'pages/mine/index.tsx'), 'utf8');
    expect(mine).toMatch(/title: '我的留言', onTap: \(\) => openPage\(routes\.myLetters\)/);
  });
});
