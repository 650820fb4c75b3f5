import type { PrismaClient } from '@govpocket/db';
import { toSheetGuide } from './guide-sheet-columns';
import { writeSheet, type SheetFormat } from './guide-sheet-file';
import { guideSheetContent, templateExample } from './guide-sheet-template';
import { findGuideDetails } from './repository';

/**
 * The catalogue in the import format (every status), so an export imported again reports every
 * row unchanged; and the empty template with its one example row.
 */
export async function exportGuides(prisma: PrismaClient, { format, departmentId }: { format: SheetFormat; departmentId?: string }): Promise<Buffer> {
  const details = await findGuideDetails(prisma, { departmentId });
  return writeSheet(format, guideSheetContent(details.map(toSheetGuide)));
}

export function writeGuideTemplate(format: SheetFormat): Promise<Buffer> {
  return writeSheet(format, guideSheetContent([templateExample]));
}
