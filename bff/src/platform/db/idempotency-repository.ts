import { Prisma, type PrismaClient } from '@govpocket/db';

/** IdempotencyRecord rows: one per (scope, key), claimed before the work and completed after it. */
export type IdempotencyRow = { id: string; requestHash: string; statusCode: number | null; response: unknown; expiresAt: Date };

export async function insertIdempotencyClaim(
  prisma: PrismaClient,
  input: { scope: string; key: string; userId: string; requestHash: string; expiresAt: Date },
): Promise<string | null> {
  try {
    return (await prisma.idempotencyRecord.create({ data: input, select: { id: true } })).id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}

export async function findIdempotencyRecord(prisma: PrismaClient, scope: string, key: string): Promise<IdempotencyRow | null> {
  return prisma.idempotencyRecord.findUnique({
    where: { scope_key: { scope, key } },
    select: { id: true, requestHash: true, statusCode: true, response: true, expiresAt: true },
  });
}

export async function completeIdempotencyRecord(prisma: PrismaClient, id: string, input: { statusCode: number; response: Prisma.InputJsonValue; expiresAt: Date }): Promise<void> {
  await prisma.idempotencyRecord.updateMany({ where: { id, statusCode: null }, data: input });
}

/** Extends a running claim: its request is still working, so duplicates must keep waiting. */
export async function renewIdempotencyClaim(prisma: PrismaClient, id: string, expiresAt: Date): Promise<void> {
  await prisma.idempotencyRecord.updateMany({ where: { id, statusCode: null }, data: { expiresAt } });
}

/** Removes a claim (the work failed in a way worth retrying) or an expired record. */
export async function deleteIdempotencyRecord(prisma: PrismaClient, id: string, onlyIf: { expiredBefore?: Date; isPending?: boolean } = {}): Promise<void> {
  await prisma.idempotencyRecord.deleteMany({
    where: { id, ...(onlyIf.expiredBefore ? { expiresAt: { lt: onlyIf.expiredBefore } } : {}), ...(onlyIf.isPending ? { statusCode: null } : {}) },
  });
}
