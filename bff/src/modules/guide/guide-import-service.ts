import type { Prisma, PrismaClient } from '@govpocket/db';
import type { GuideImportOutcome, GuideImportResult, GuideImportRowError, SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { loadGuideReferences } from './admin-repository';
import { actorRole, mayEditDepartment, writeGuideVersion, type GuideAdminDeps } from './admin-service';
import { readGuideRows, type GuideSheetRow } from './guide-import-rows';
import { isSameGuideContent } from './guide-input';
import { readSheet } from './guide-sheet-file';
import { findGuideDetails } from './repository';

/**
 * Bulk import of guides from one CSV or XLSX file, all or nothing: every row is read and checked
 * first, and a single bad row (or a row of another department, for a department's handler) writes
 * nothing. Otherwise every new or changed guide is saved as a new version in one transaction;
 * rows equal to the current guide are reported unchanged and get no version, so importing the
 * same file again changes nothing. Keyed by item code.
 */
export const guideImportLimits = { maxFileBytes: 5 * 1024 * 1024, maxRows: 2000, maxUnzippedBytes: 32 * 1024 * 1024, maxEntries: 200 };
const changeNote = '批量导入';

type Db = PrismaClient | Prisma.TransactionClient;
type PlannedRow = GuideSheetRow & { outcome: GuideImportOutcome; version: number; currentDepartmentId: string | null };

/** What each row would do to the guide as it is now. */
async function planRows(db: Db, rows: GuideSheetRow[]): Promise<PlannedRow[]> {
  const current = new Map((await findGuideDetails(db, { codes: rows.map((row) => row.input.code) })).map((detail) => [detail.code, detail]));
  return rows.map((row) => {
    const detail = current.get(row.input.code);
    if (!detail) return { ...row, outcome: 'CREATED', version: 1, currentDepartmentId: null };
    const isSame = isSameGuideContent(detail, row.input);
    return { ...row, outcome: isSame ? 'UNCHANGED' : 'UPDATED', version: isSame ? detail.version : detail.version + 1, currentDepartmentId: detail.departmentId };
  });
}

/** Rows a department's handler may not write: a guide of, or moved to, another department. */
function outOfScope(actor: SessionUser, rows: PlannedRow[], departmentNames: Map<string, string>): GuideImportRowError[] {
  return rows.flatMap((row) => {
    const departments = [row.input.departmentId, row.currentDepartmentId].filter((id): id is string => id !== null);
    const foreign = departments.filter((id) => !mayEditDepartment(actor, id));
    if (foreign.length === 0) return [];
    const names = [...new Set(foreign.map((id) => departmentNames.get(id) ?? id))].join('、');
    return [{ line: row.line, code: row.input.code, errors: [`实施部门：只能导入本部门的办事指南，本行涉及${names}`] }];
  });
}

function refusal(problems: GuideImportRowError[], isForbidden: boolean): AppError {
  const rows = [...problems].sort((a, b) => a.line - b.line);
  const lines = rows.slice(0, 10).map((row) => row.line).join('、') + (rows.length > 10 ? ' 等' : '');
  const message = `${isForbidden ? '无权导入' : '有误'}：第 ${lines} 行（共 ${rows.length} 行），未导入任何内容`;
  return new AppError(isForbidden ? 'FORBIDDEN' : 'VALIDATION_FAILED', { message, details: { rows } });
}

function summary(rows: PlannedRow[], isDryRun: boolean): GuideImportResult {
  const count = (outcome: GuideImportOutcome): number => rows.filter((row) => row.outcome === outcome).length;
  return {
    isDryRun,
    created: count('CREATED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    rows: rows.map((row) => ({ line: row.line, code: row.input.code, name: row.input.name, outcome: row.outcome, version: row.version })),
  };
}

/** Every new or changed row saved as a new version, and one audit row for the import, in the caller's transaction. */
async function writeRows(
  tx: Prisma.TransactionClient,
  { actor, rows, departmentNames, requestId, now }: { actor: SessionUser; rows: GuideSheetRow[]; departmentNames: Map<string, string>; requestId: string; now: Date },
): Promise<GuideImportResult> {
  // Planned again inside the transaction, so a save made since the check is compared too.
  const planned = await planRows(tx, rows);
  if (outOfScope(actor, planned, departmentNames).length > 0) throw new AppError('FORBIDDEN', { message: '只能导入本部门的办事指南' });
  for (const row of planned) {
    if (row.outcome === 'UNCHANGED') continue;
    row.version = (await writeGuideVersion(tx, { actor, input: { ...row.input, changeNote }, requestId, now })).version;
  }
  const result = summary(planned, false);
  await writeAudit(tx, {
    actorUserId: actor.id, actorRole: actorRole(actor), action: 'GUIDES_IMPORTED', entityType: 'GuideImport', entityId: requestId,
    after: { created: result.created, updated: result.updated, unchanged: result.unchanged }, requestId,
  });
  return result;
}

/** Two imports creating the same new code at once: the second one's insert meets the unique key. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'P2002';
}

export async function importGuides(
  deps: GuideAdminDeps,
  { actor, bytes, isDryRun, requestId, now = new Date() }: { actor: SessionUser; bytes: Buffer; isDryRun: boolean; requestId: string; now?: Date },
): Promise<GuideImportResult> {
  const sheet = await readSheet(bytes, guideImportLimits);
  const references = await loadGuideReferences(deps.prisma);
  const reading = readGuideRows(sheet, references);
  const departmentNames = new Map([...references.departments].map(([name, id]) => [id, name]));
  const checked = await planRows(deps.prisma, reading.rows);
  const forbidden = outOfScope(actor, checked, departmentNames);
  if (forbidden.length > 0) throw refusal([...reading.problems, ...forbidden], true);
  if (reading.problems.length > 0) throw refusal(reading.problems, false);
  if (isDryRun) return summary(checked, true);

  const result = await deps.prisma
    .$transaction((tx) => writeRows(tx, { actor, rows: reading.rows, departmentNames, requestId, now }), { maxWait: 10_000, timeout: Math.max(30_000, reading.rows.length * 300) })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError('CONFLICT', { message: '有人同时新建了相同编码的事项，请重新导入', cause: error }) : error;
    });
  if (result.created + result.updated > 0) await deps.cache.bump();
  return result;
}
