import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { repackZipWithinLimits, type ZipLimits } from '../../platform/bounded-unzip';
import { AppError } from '../../platform/errors/app-error';

/**
 * Spreadsheet bytes to rows of text and back, for CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF) and
 * XLSX. exceljs does both; its CSV side is fast-csv. Every cell is read as the text an official sees,
 * and written as text, so codes and phone numbers keep their leading zeros.
 */
export type SheetFormat = 'csv' | 'xlsx';
/** `line` is the spreadsheet row number (the header is row 1); blank rows are left out. */
export type SheetRow = { line: number; cells: string[] };
export type Sheet = { headers: string[]; rows: SheetRow[] };
export type SheetLimits = { maxRows: number } & ZipLimits;

export const sheetContentTypes: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const guideSheetName = '办事指南';
const instructionSheetName = '填写说明';
const dropDownRows = 500;

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function detectFormat(bytes: Buffer): SheetFormat {
  if (bytes.subarray(0, 4).equals(zipMagic)) return 'xlsx';
  if (bytes.subarray(0, 4).equals(oleMagic)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入' });
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: 'CSV 文件须为 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入' });
  }
  return 'csv';
}

/** The text of a cell as Excel shows it: rich text joined, formulas by their result, TRUE as 是. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('').replace(/\r\n?/g, '\n');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return value.error;
  return '';
}

function toSheet(worksheet: ExcelJS.Worksheet, { maxRows }: SheetLimits): Sheet {
  const texts = (row: ExcelJS.Row): string[] => Array.from({ length: row.cellCount }, (_, index) => cellText(row.getCell(index + 1).value));
  const headers = texts(worksheet.getRow(1));
  while (headers.length > 0 && headers[headers.length - 1]?.trim() === '') headers.pop();
  const rows: SheetRow[] = [];
  worksheet.eachRow((row, line) => {
    if (line === 1) return;
    const cells = texts(row).slice(0, headers.length);
    if (cells.every((cell) => cell.trim() === '')) return;
    if (rows.length >= maxRows) throw new AppError('PAYLOAD_TOO_LARGE', { message: `一次最多导入 ${maxRows} 条办事指南，请拆分后分批导入` });
    rows.push({ line, cells });
  });
  return { headers, rows };
}

/** Reads an uploaded CSV or XLSX (told apart by their bytes, whatever the upload claimed). */
export async function readSheet(bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  if (detectFormat(bytes) === 'csv') {
    try {
      return toSheet(await workbook.csv.read(Readable.from([bytes]), { map: (value: unknown) => value }), limits);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('VALIDATION_FAILED', { message: 'CSV 文件格式有误（如引号未成对），请用 Excel 另存后重试', cause: error });
    }
  }
  // Inflated here with the real bytes counted (a zip bomb stops at the limit); exceljs then reads
  // exactly what was counted.
  const counted = repackZipWithinLimits(bytes, limits, { tooLarge: 'XLSX 文件内容过大，请拆分后分批导入', corrupt: 'XLSX 文件已损坏，请用 Excel 另存后重试' });
  try {
    await workbook.xlsx.read(Readable.from([counted]));
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', { message: 'XLSX 文件无法读取，请用 Excel 另存后重试', cause: error });
  }
  const worksheet = workbook.getWorksheet(guideSheetName) ?? workbook.worksheets[0];
  if (!worksheet) throw new AppError('VALIDATION_FAILED', { message: 'XLSX 文件中没有工作表' });
  return toSheet(worksheet, limits);
}

export type SheetContent = {
  headers: string[];
  rows: string[][];
  /** XLSX only: wide columns, drop-down choices per column, and a 填写说明 sheet. */
  layout?: { widths: number[]; choices: Array<string[] | undefined>; instructions: string[][] };
};

function writeGuideWorksheet(workbook: ExcelJS.Workbook, { headers, rows, layout }: SheetContent): void {
  const worksheet = workbook.addWorksheet(guideSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text format for every cell, typed or not, so Excel keeps 0576-… and 11331000… as written.
  worksheet.columns = headers.map((header, index) => ({ header, width: layout?.widths[index] ?? 16, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  // Drop-downs for the rows there are and a few hundred more to fill in.
  const lastRow = Math.max(rows.length + 1, dropDownRows);
  layout?.choices.forEach((choices, index) => {
    // A list validation separates its choices with commas, so 个人,法人 cannot be offered as one.
    if (!choices || choices.some((choice) => choice.includes(','))) return;
    const validation: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: [`"${choices.join(',')}"`], showErrorMessage: false };
    for (let line = 2; line <= lastRow; line += 1) worksheet.getCell(line, index + 1).dataValidation = validation;
  });
}

export async function writeSheet(format: SheetFormat, content: SheetContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writeGuideWorksheet(workbook, format === 'xlsx' ? content : { headers: content.headers, rows: content.rows });
  if (format === 'csv') {
    return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true, rowDelimiter: '\r\n', includeEndRowDelimiter: true }, map: (value: unknown) => value }));
  }
  if (content.layout) {
    const instructions = workbook.addWorksheet(instructionSheetName);
    instructions.columns = [{ width: 16 }, { width: 22 }, { width: 100 }];
    for (const row of content.layout.instructions) instructions.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    instructions.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
