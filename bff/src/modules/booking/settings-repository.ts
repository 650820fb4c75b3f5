import type { PrismaClient } from '@govpocket/db';

export async function readSettingRows(prisma: PrismaClient, keys: string[]): Promise<Map<string, unknown>> {
  const rows = await prisma.setting.findMany({ where: { key: { in: keys } }, select: { key: true, value: true } });
  return new Map(rows.map((row) => [row.key, row.value]));
}
