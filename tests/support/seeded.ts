import { seedDemo } from '../../prisma/src/seed';
import type { PrismaClient } from '@govpocket/db';

let seeded: Promise<unknown> | undefined;

/** Seeds the demo city into this worker's database once per test file (the seed is idempotent). */
export function ensureDemoSeeded(prisma: PrismaClient): Promise<unknown> {
  seeded ??= seedDemo(prisma);
  return seeded;
}
