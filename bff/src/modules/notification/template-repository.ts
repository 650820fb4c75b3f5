import type { PrismaClient } from '@govpocket/db';
import type { TemplateRow } from './template-registry';

/** NotificationTemplate rows, the admin-maintained overrides of the code defaults. */
export async function findTemplateRows(prisma: PrismaClient): Promise<TemplateRow[]> {
  return prisma.notificationTemplate.findMany({
    select: { eventType: true, wechatTemplateId: true, isLongTerm: true, page: true, fieldMap: true, isEnabled: true },
  });
}
