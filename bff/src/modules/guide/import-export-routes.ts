import { guideExportQuerySchema, guideImportQuerySchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireRole } from '../auth/access';
import type { GuideAdminDeps } from './admin-service';
import { exportGuides, writeGuideTemplate } from './guide-export-service';
import { guideImportLimits, importGuides } from './guide-import-service';
import { readImportUpload } from './guide-import-upload';
import { sheetContentTypes, type SheetFormat } from './guide-sheet-file';

/** Download headers: an ASCII name for old clients, the Chinese one (RFC 6266/5987) for the rest. */
function attachment(format: SheetFormat, { ascii, name }: { ascii: string; name: string }): Record<string, string> {
  return {
    'Content-Type': sheetContentTypes[format],
    'Content-Disposition': `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
    'Cache-Control': 'no-store',
  };
}

const shanghaiDate = (now: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);

/**
 * Bulk import (admins; a department's handlers for their own department's rows), the catalogue
 * export (admins) and the template, as CSV or XLSX. The format is docs/guide-import-template.md.
 */
export function guideImportExportRoutes(deps: GuideAdminDeps): AppRouter {
  const router = createRouter();
  const editors = requireRole('ADMIN', 'DEPARTMENT_HANDLER');

  router.post('/admin/guides/import', editors, async (ctx) => {
    const { dryRun } = guideImportQuerySchema.parse(ctx.query);
    try {
      const bytes = await readImportUpload(ctx.req, { maxBytes: guideImportLimits.maxFileBytes });
      ctx.body = await importGuides(deps, { actor: currentUser(ctx.state), bytes, isDryRun: dryRun === 'true', requestId: ctx.state.requestId });
    } finally {
      // Refused before the body was read (size): close rather than read what nobody wants.
      if (!ctx.req.complete) ctx.set('Connection', 'close');
    }
  });

  for (const format of ['xlsx', 'csv'] as const) {
    router.get(`/admin/guides/import-template.${format}`, editors, async (ctx) => {
      const bytes = await writeGuideTemplate(format);
      ctx.set(attachment(format, { ascii: 'guide-import-template', name: '办事指南导入模板' }));
      ctx.body = bytes;
    });
    router.get(`/admin/guides/export.${format}`, requireRole('ADMIN'), async (ctx) => {
      const { departmentId } = guideExportQuerySchema.parse(ctx.query);
      const bytes = await exportGuides(deps.prisma, { format, departmentId });
      ctx.set(attachment(format, { ascii: 'guides', name: `办事指南-${shanghaiDate(new Date())}` }));
      ctx.body = bytes;
    });
  }
  return router;
}
