import { z } from 'zod';
import { guideInputSchema, type GuideImportRowError, type GuideInput } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import type { GuideReferences } from './admin-repository';
import { guideColumns, normaliseHeader, toGuideCandidate, type GuideColumn, type SheetGuide } from './guide-sheet-columns';
import type { Sheet, SheetRow } from './guide-sheet-file';
import { examplePrefix } from './guide-sheet-template';

/**
 * Every row of an uploaded sheet checked on its own: cells read by the column table, department,
 * hall and life-event names resolved, codes unique within the file, then the national-guide rules
 * of guideInputSchema. Each bad row comes back with all its reasons in Chinese, naming the column.
 */
export type GuideSheetRow = { line: number; input: GuideInput };
export type GuideRowsReading = { rows: GuideSheetRow[]; problems: GuideImportRowError[] };

const issueHeaders: Record<string, string> = {
  code: '事项编码', name: '事项名称', type: '事项类型', departmentId: '实施部门', audience: '服务对象', themes: '主题', lifeEvents: '一件事', keywords: '关键词',
  basis: '设定依据', conditions: '受理条件', materials: '申请材料', steps: '办理流程', statutoryDays: '法定时限', promisedDays: '承诺时限',
  fee: '是否收费', 'fee.isCharged': '是否收费', 'fee.standard': '收费标准', 'fee.basis': '收费依据', 'fee.amountFen': '收费金额(元)', 'fee.isOnlinePaymentEnabled': '在线支付',
  onSiteTrips: '到现场次数', onlineDepth: '网办深度', deliveryMethods: '送达方式', isAppointmentEnabled: '可预约', hallIds: '办理大厅', hours: '办理时间',
  consultPhone: '咨询电话', supervisePhone: '监督电话', faq: '常见问题',
};
const partNames: Record<string, string> = {
  name: '名称', form: '形式', copies: '份数', condition: '适用情形', note: '备注', source: '来源', isElectronicAccepted: '电子证照', blankFormUrl: '空白表格', sampleUrl: '示例样表',
  actor: '办理主体', description: '办理说明', days: '时限', question: '问', answer: '答', law: '法规名称', article: '条款',
};

/** Where an issue of guideInputSchema sits, as the official sees it: 申请材料第2项的名称. */
function issuePlace(path: PropertyKey[]): { header: string; place: string } {
  const [top, second, third] = path.map((key) => (typeof key === 'number' ? key : String(key)));
  const header = issueHeaders[`${String(top)}.${String(second)}`] ?? issueHeaders[String(top)] ?? '其他';
  if (typeof second !== 'number') return { header, place: header };
  const part = typeof third === 'string' ? partNames[third] : undefined;
  return { header, place: `${header}第${second + 1}项${part ? `的${part}` : ''}` };
}

const chineseLocale = z.locales.zhCN().localeError;
/** Limits in words an official reads; anything else in zod's Chinese locale. */
const officialMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
    if (issue.origin === 'array') return `至少填写 ${issue.minimum} 项`;
    return `不能小于 ${issue.minimum}`;
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`;
    if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
    return `不能大于 ${issue.maximum}`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'url') return '应为 http:// 或 https:// 开头的网址';
  return chineseLocale(issue);
};

function fileProblem(errors: string[]): AppError {
  return new AppError('VALIDATION_FAILED', { message: `表头有误：${errors.join('；')}`, details: { rows: [{ line: 1, code: null, errors }] } });
}

/** The column behind each header; unknown, repeated or missing headers refuse the whole file. */
function columnsOf(headers: string[]): Array<GuideColumn | null> {
  const byHeader = new Map(guideColumns.map((column) => [normaliseHeader(column.header), column]));
  const seen = new Set<GuideColumn>();
  const errors: string[] = [];
  const columns = headers.map((header) => {
    if (header.trim() === '') return null;
    const column = byHeader.get(normaliseHeader(header));
    if (!column) errors.push(`无法识别的列“${header.trim()}”`);
    else if (seen.has(column)) errors.push(`列“${column.header}”重复`);
    else seen.add(column);
    return column ?? null;
  });
  const missing = guideColumns.filter((column) => !seen.has(column)).map((column) => column.header);
  if (missing.length > 0) errors.push(`缺少列：${missing.join('、')}`);
  if (errors.length > 0) throw fileProblem(errors);
  return columns;
}

const unresolved = '?';

function readRow(row: SheetRow, columns: Array<GuideColumn | null>, references: GuideReferences): { fields: Partial<SheetGuide>; input: GuideInput | null; errors: string[] } {
  const fields: Partial<SheetGuide> = {};
  const errors: string[] = [];
  const failed = new Set<string>();
  const problem = (header: string, message: string): void => {
    errors.push(`${header}：${message}`);
    failed.add(header);
  };
  columns.forEach((column, index) => {
    const error = column?.read(row.cells[index] ?? '', fields);
    if (column && error) problem(column.header, error);
  });
  if (fields.name?.startsWith(examplePrefix) || fields.code?.startsWith(examplePrefix)) problem('事项名称', '这是模板中的示例行，请删除或改写后再导入');

  // A name that matches nothing is reported here; its stand-in id lets the schema still check the
  // rest of the row (zod skips the cross-field rules while any field fails).
  const departmentId = fields.departmentName === undefined ? undefined : (references.departments.get(fields.departmentName) ?? unresolved);
  if (departmentId === unresolved) problem('实施部门', `“${fields.departmentName ?? ''}”不存在，请填写系统中已有部门的全称`);
  const unknownHalls = (fields.hallNames ?? []).filter((name) => !references.halls.has(name));
  if (unknownHalls.length > 0) problem('办理大厅', `“${unknownHalls.join('、')}”不存在，可选：${[...references.halls.keys()].join('、')}`);
  const hallIds = fields.hallNames?.map((name) => references.halls.get(name) ?? unresolved);
  const unknownEvents = (fields.lifeEvents ?? []).filter((name) => !references.lifeEvents.has(name));
  if (unknownEvents.length > 0) problem('一件事', `“${unknownEvents.join('、')}”不存在，可选：${[...references.lifeEvents].join('、')}`);

  const parsed = guideInputSchema.safeParse(toGuideCandidate(fields, { departmentId, hallIds }), { error: officialMessages });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const { header, place } = issuePlace(issue.path);
    if (!failed.has(header)) errors.push(`${place}：${issue.message}`);
  }
  return { fields, input: parsed.success && errors.length === 0 ? parsed.data : null, errors };
}

export function readGuideRows(sheet: Sheet, references: GuideReferences): GuideRowsReading {
  const columns = columnsOf(sheet.headers);
  if (sheet.rows.length === 0) throw fileProblem(['文件中没有办事指南（第 2 行起每行一个事项）']);
  const firstLineOfCode = new Map<string, number>();
  const reading: GuideRowsReading = { rows: [], problems: [] };
  for (const row of sheet.rows) {
    const { fields, input, errors } = readRow(row, columns, references);
    const code = fields.code ?? null;
    const firstLine = code === null ? undefined : firstLineOfCode.get(code);
    if (firstLine !== undefined) errors.push(`事项编码：与第 ${firstLine} 行重复`);
    else if (code !== null) firstLineOfCode.set(code, row.line);
    if (input && errors.length === 0) reading.rows.push({ line: row.line, input });
    else reading.problems.push({ line: row.line, code, errors });
  }
  return reading;
}
