import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { guideDetailSchema, guideImportErrorBodySchema, guideImportResultSchema, serviceItemTypeLabels, type GuideImportResult } from '@govpocket/shared';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, type LoggedIn } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';

/** Bulk import and export of guides (docs/guide-import-template.md), against real MySQL and Redis. */
let t: WechatTestApp;
let admin: LoggedIn;
let policeHandler: LoggedIn;
let seededCodes: string[];

const headers = [
  '事项编码', '事项名称', '事项类型', '实施部门', '服务对象', '主题', '一件事', '关键词', '设定依据', '受理条件', '申请材料', '办理流程', '法定时限', '承诺时限',
  '是否收费', '收费标准', '收费依据', '收费金额(元)', '在线支付', '到现场次数', '网办深度', '送达方式', '可预约', '办理大厅', '办理时间', '咨询电话', '监督电话', '常见问题',
] as const;
type Header = (typeof headers)[number];
type Row = Record<Header, string>;

beforeAll(async () => {
  t = await createWechatTestApp();
  const seed = await ensureDemoSeeded(t.prisma);
  expect(seed).toMatchObject({ serviceItems: 48 });
  const police = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市公安局' } });
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
  policeHandler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: police.id }]);
  const guides = JSON.parse(readFileSync(path.resolve(__dirname, '../../prisma/seed/data/service-guides.json'), 'utf8')) as { items: Array<{ code: string }> };
  seededCodes = guides.items.map((item) => item.code);
}, 60000);
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());
const letters = (): string => Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
/** An item code no other test uses: office code 11331000T + three letters. */
const freshCode = (type = 'GG', serial = '0001'): string => `11331000T${letters()}-${type}-${serial}`;

/** A 公安局 public-service guide filled in as an official would, in the documented cell formats. */
function guideRow(code: string, name: string, overrides: Partial<Row> = {}): Row {
  return {
    事项编码: code, 事项名称: name, 事项类型: '公共服务', 实施部门: '清江市公安局', 服务对象: '个人,法人', 主题: '证明开具；户籍', 一件事: '', 关键词: '户籍证明|开证明',
    设定依据: '《中华人民共和国户口登记条例》第四条\n《户口登记管理办法》',
    受理条件: '申请人为本市户籍人员\n所需证明属于公安机关出具的范围；不属于的一次性告知',
    申请材料: '居民身份证｜原件｜1份｜必需｜政府部门核发｜可电子证照\n居民户口簿｜原件及复印件｜1份｜必需\n授权委托书|原件|2份|条件：委托他人代办的|申请人自备|备注：须写明委托事项',
    办理流程: '受理｜户籍窗口｜0个工作日｜计入时限｜核验身份和材料\n出具｜派出所户籍室｜2个工作日｜计入时限｜核实后出具证明',
    法定时限: '5', 承诺时限: '2', 是否收费: '否', 收费标准: '', 收费依据: '', '收费金额(元)': '', 在线支付: '否', 到现场次数: '1', 网办深度: '三级',
    送达方式: '窗口领取；电子送达', 可预约: '是', 办理大厅: '清江市民中心政务服务大厅', 办理时间: '周一至周五 9:00-12:00, 13:30-17:00 ("午休"除外)',
    咨询电话: '0576-88000110', 监督电话: '12345', 常见问题: '问：可以网上申请吗？答：可以，在线提交后电子送达。\n问：要多久？ 答：2个工作日。',
    ...overrides,
  };
}

function worksheetOf(rows: Row[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('办事指南');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header]));
  return workbook;
}
const csvOf = async (rows: Row[]): Promise<Buffer> => Buffer.from(await worksheetOf(rows).csv.writeBuffer({ formatterOptions: { writeBOM: true }, map: (value: unknown) => value }));
const xlsxOf = async (rows: Row[]): Promise<Buffer> => Buffer.from(await worksheetOf(rows).xlsx.writeBuffer());

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([bytes]));
  const rows: string[][] = [];
  workbook.getWorksheet('办事指南')?.eachRow((row) => rows.push(headers.map((_, index) => String(row.getCell(index + 1).value ?? ''))));
  return rows;
}

type Upload = { as: LoggedIn; bytes: Buffer; kind: 'csv-body' | 'csv-file' | 'xlsx-file'; query?: string };
function upload({ as, bytes, kind, query = '' }: Upload) {
  const call = api().post(`/admin/guides/import${query}`).set(as.auth);
  if (kind === 'csv-body') return call.set('Content-Type', 'text/csv').send(bytes);
  return call.attach('file', bytes, kind === 'csv-file' ? { filename: '办事指南.csv', contentType: 'text/csv' } : { filename: '办事指南.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
async function imported(call: ReturnType<typeof upload>): Promise<GuideImportResult> {
  const response = await call;
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
  return guideImportResultSchema.parse(response.body);
}

function download(url: string, as: LoggedIn) {
  return api().get(url).set(as.auth).buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** Rows in every table an import writes: a refused import must leave all of them as they were. */
async function written() {
  const [items, versions, materials, audits] = await Promise.all([t.prisma.serviceItem.count(), t.prisma.serviceItemVersion.count(), t.prisma.serviceItemMaterial.count(), t.prisma.auditLog.count()]);
  return { items, versions, materials, audits };
}
const versionsOf = (code: string) => t.prisma.serviceItemVersion.count({ where: { item: { code } } });

describe('guide import template', () => {
  it('downloads as XLSX and CSV with every column and one example; the docs describe every column; the example is never imported', async () => {
    const xlsx = await download('/admin/guides/import-template.xlsx', policeHandler);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const [headerRow, example, ...rest] = await readXlsx(xlsx.body as Buffer);
    expect(headerRow).toEqual([...headers]);
    expect(example?.[1]).toMatch(/^示例：/);
    expect(rest).toEqual([]);

    const csv = await download('/admin/guides/import-template.csv', admin);
    const bytes = csv.body as Buffer;
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(headers.join(','));

    const docs = readFileSync(path.resolve(__dirname, '../../docs/guide-import-template.md'), 'utf8');
    for (const header of headers) expect(docs).toContain(`| ${header} |`);

    const refused = await upload({ as: admin, bytes, kind: 'csv-body' });
    expect(refused.status).toBe(400);
    expect(guideImportErrorBodySchema.parse(refused.body).error.details?.rows).toEqual([{ line: 2, code: expect.any(String), errors: [expect.stringContaining('示例行')] }]);
  });
});

describe('guide import', () => {
  it('a good CSV (sent as the body) creates the guides, unpublished at version 1, with every cell read as documented', async () => {
    const [first, second] = [freshCode(), freshCode('XK')];
    const rows = [guideRow(first, '户籍证明开具'), guideRow(second, '户口迁移审批', { 事项类型: '行政许可', 服务对象: '个人', 一件事: '结婚', 是否收费: '是', 收费标准: '工本费每证5元', '收费金额(元)': '5.50', 在线支付: '是', 办理大厅: '清江市民中心政务服务大厅|清江市江南区便民服务中心' })];
    const result = await imported(upload({ as: admin, bytes: await csvOf(rows), kind: 'csv-body' }));
    expect(result).toMatchObject({ isDryRun: false, created: 2, updated: 0, unchanged: 0 });
    expect(result.rows).toEqual([
      { line: 2, code: first, name: '户籍证明开具', outcome: 'CREATED', version: 1 },
      { line: 3, code: second, name: '户口迁移审批', outcome: 'CREATED', version: 1 },
    ]);

    const guide = guideDetailSchema.parse((await api().get(`/admin/guides/${first}`).set(admin.auth)).body);
    expect(guide).toMatchObject({
      status: 'UNPUBLISHED', version: 1, type: 'PUBLIC_SERVICE', audience: 'BOTH', departmentName: '清江市公安局', themes: ['证明开具', '户籍'], keywords: ['户籍证明', '开证明'],
      basis: [{ law: '《中华人民共和国户口登记条例》', article: '第四条' }, { law: '《户口登记管理办法》', article: null }],
      conditions: ['申请人为本市户籍人员', '所需证明属于公安机关出具的范围；不属于的一次性告知'],
      steps: [{ name: '受理', actor: '户籍窗口', days: 0, countsTowardLimit: true, description: '核验身份和材料' }, { name: '出具', actor: '派出所户籍室', days: 2, countsTowardLimit: true, description: '核实后出具证明' }],
      fee: { isCharged: false, standard: null, basis: null, amountFen: null, isOnlinePaymentEnabled: false },
      deliveryMethods: ['WINDOW_PICKUP', 'ELECTRONIC'], hours: '周一至周五 9:00-12:00, 13:30-17:00 ("午休"除外)', consultPhone: '0576-88000110',
      faq: [{ question: '可以网上申请吗？', answer: '可以，在线提交后电子送达。' }, { question: '要多久？', answer: '2个工作日。' }],
    });
    expect(guide.materials.map(({ id: _id, ...material }) => material)).toEqual([
      { name: '居民身份证', form: 'ORIGINAL', copies: 1, isRequired: true, condition: null, note: null, source: 'GOVERNMENT_ISSUED', isElectronicAccepted: true, blankFormUrl: null, sampleUrl: null },
      { name: '居民户口簿', form: 'ORIGINAL_AND_COPY', copies: 1, isRequired: true, condition: null, note: null, source: 'APPLICANT', isElectronicAccepted: false, blankFormUrl: null, sampleUrl: null },
      { name: '授权委托书', form: 'ORIGINAL', copies: 2, isRequired: false, condition: '委托他人代办的', note: '须写明委托事项', source: 'APPLICANT', isElectronicAccepted: false, blankFormUrl: null, sampleUrl: null },
    ]);
    const charged = guideDetailSchema.parse((await api().get(`/admin/guides/${second}`).set(admin.auth)).body);
    expect(charged).toMatchObject({ audience: 'INDIVIDUAL', lifeEvents: ['结婚'], fee: { isCharged: true, standard: '工本费每证5元', amountFen: 550, isOnlinePaymentEnabled: true } });
    expect(charged.halls.map((hall) => hall.name).sort()).toEqual(['清江市民中心政务服务大厅', '清江市江南区便民服务中心'].sort());
    expect(await versionsOf(first)).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { entityId: first, action: 'GUIDE_CREATED', actorUserId: admin.userId } })).toBe(1);
    expect((await api().get(`/guides/${first}`)).status).toBe(404);
  });

  it('a good XLSX (multipart) creates the guides; importing the same file again changes nothing; a changed cell makes a new version of that guide only', async () => {
    const [first, second] = [freshCode(), freshCode()];
    const rows = [guideRow(first, '无犯罪记录证明开具'), guideRow(second, '户籍注销证明开具')];
    const bytes = await xlsxOf(rows);
    expect(await imported(upload({ as: admin, bytes, kind: 'xlsx-file' }))).toMatchObject({ created: 2, updated: 0, unchanged: 0 });

    const before = await written();
    const again = await imported(upload({ as: admin, bytes, kind: 'xlsx-file' }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.rows.map((row) => [row.code, row.outcome, row.version])).toEqual([[first, 'UNCHANGED', 1], [second, 'UNCHANGED', 1]]);
    expect(await written()).toEqual({ ...before, audits: before.audits + 1 }); // only the import's own audit row
    expect(await t.prisma.serviceItem.count({ where: { code: { in: [first, second] } } })).toBe(2);

    const changed = await imported(upload({ as: admin, bytes: await xlsxOf([rows[0] as Row, { ...(rows[1] as Row), 办理时间: '周一至周六 8:30-17:30' }]), kind: 'xlsx-file' }));
    expect(changed.rows.map((row) => [row.code, row.outcome, row.version])).toEqual([[first, 'UNCHANGED', 1], [second, 'UPDATED', 2]]);
    expect([await versionsOf(first), await versionsOf(second)]).toEqual([1, 2]);
    expect(guideDetailSchema.parse((await api().get(`/admin/guides/${second}`).set(admin.auth)).body)).toMatchObject({ version: 2, hours: '周一至周六 8:30-17:30' });
    const latest = await t.prisma.serviceItemVersion.findFirstOrThrow({ where: { item: { code: second } }, orderBy: { version: 'desc' } });
    expect(latest).toMatchObject({ version: 2, changeNote: '批量导入', createdById: admin.userId });
  });

  it('reports every bad row with its spreadsheet line and reasons in Chinese, and writes nothing at all', async () => {
    const good = freshCode();
    const rows = [
      guideRow(good, '良好的一行'),
      guideRow(freshCode(), '事项类型写错', { 事项类型: '行政许' }),
      guideRow(freshCode(), '部门和时限都不对', { 实施部门: '清江市不存在局', 承诺时限: '9' }),
      guideRow(good, '编码重复'),
      guideRow(freshCode(), '材料和问答格式不对', { 申请材料: '居民身份证｜正本｜1份｜必需', 常见问题: '这不是问答', 办理大厅: '火星办事大厅' }),
      guideRow(freshCode(), '不收费却填了金额', { '收费金额(元)': '20' }),
    ];
    const before = await written();
    const response = await upload({ as: admin, bytes: await csvOf(rows), kind: 'csv-file' });
    expect(response.status).toBe(400);
    const body = guideImportErrorBodySchema.parse(response.body);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('未导入任何内容');
    const problems = body.error.details?.rows ?? [];
    expect(problems.map((row) => row.line)).toEqual([3, 4, 5, 6, 7]);
    const reasons = (line: number): string => (problems.find((row) => row.line === line)?.errors ?? []).join('\n');
    expect(reasons(3)).toContain('事项类型：“行政许”不是可选值');
    expect(reasons(4)).toContain('实施部门：“清江市不存在局”不存在');
    expect(reasons(4)).toContain('承诺时限：承诺时限不能超过法定时限');
    expect(reasons(4)).toContain('计入时限的环节共 2 个工作日，应等于承诺时限 9 个工作日');
    expect(reasons(5)).toBe('事项编码：与第 2 行重复');
    expect(reasons(6)).toContain('申请材料：第1项的形式“正本”不是可选值');
    expect(reasons(6)).toContain('常见问题：第1项应为“问：…答：…”');
    expect(reasons(6)).toContain('办理大厅：“火星办事大厅”不存在');
    expect(reasons(7)).toContain('不收费事项不填收费标准、金额');
    expect(await written()).toEqual(before);
    expect(await t.prisma.serviceItem.count({ where: { code: good } })).toBe(0);
  });

  it('a dry run checks and reports what would happen without writing', async () => {
    const code = freshCode();
    const bytes = await csvOf([guideRow(code, '试运行的事项')]);
    const before = await written();
    const dry = await imported(upload({ as: admin, bytes, kind: 'csv-body', query: '?dryRun=true' }));
    expect(dry).toMatchObject({ isDryRun: true, created: 1, rows: [{ line: 2, code, outcome: 'CREATED', version: 1 }] });
    const bad = await upload({ as: admin, bytes: await csvOf([guideRow(code, '试运行的事项', { 网办深度: '五级' })]), kind: 'csv-body', query: '?dryRun=true' });
    expect(bad.status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('a department’s handler imports their own department’s guides and is refused any row of another department', async () => {
    const own = freshCode();
    expect(await imported(upload({ as: policeHandler, bytes: await csvOf([guideRow(own, '本部门事项')]), kind: 'csv-body' }))).toMatchObject({ created: 1 });

    const before = await written();
    const foreign = await upload({ as: policeHandler, bytes: await csvOf([guideRow(freshCode(), '本部门另一事项'), guideRow(freshCode(), '民政局的事项', { 实施部门: '清江市民政局' })]), kind: 'csv-body' });
    expect(foreign.status).toBe(403);
    expect(guideImportErrorBodySchema.parse(foreign.body).error.details?.rows).toEqual([{ line: 3, code: expect.any(String), errors: [expect.stringContaining('只能导入本部门的办事指南')] }]);
    // Moving an own guide to another department is refused too, as is touching another department's guide.
    const civil = await t.prisma.serviceItem.findFirstOrThrow({ where: { department: { name: '清江市民政局' } }, select: { code: true, type: true } });
    const moved = await upload({ as: policeHandler, bytes: await csvOf([guideRow(own, '本部门事项', { 实施部门: '清江市民政局' }), guideRow(civil.code, '改成公安的', { 事项类型: serviceItemTypeLabels[civil.type] })]), kind: 'csv-body' });
    expect(moved.status).toBe(403);
    expect(guideImportErrorBodySchema.parse(moved.body).error.details?.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(await written()).toEqual(before);

    expect((await download('/admin/guides/export.csv', policeHandler)).status).toBe(403);
    expect((await upload({ as: await createStaff(t, [{ role: 'WINDOW_STAFF', hallId: (await t.prisma.hall.findFirstOrThrow()).id }]), bytes: await csvOf([]), kind: 'csv-body' })).status).toBe(403);
  });

  it('refuses what is not a guide sheet: wrong headers, legacy .xls, GBK text, too many rows, too many bytes, other content types', async () => {
    const headerless = Buffer.from('\ufeff编码,名称\r\nA,B\r\n');
    const wrongHeaders = await upload({ as: admin, bytes: headerless, kind: 'csv-body' });
    expect(wrongHeaders.status).toBe(400);
    expect(guideImportErrorBodySchema.parse(wrongHeaders.body).error.details?.rows[0]).toMatchObject({ line: 1, errors: expect.arrayContaining(['无法识别的列“编码”', expect.stringContaining('缺少列：事项编码、事项名称')]) });
    expect((await upload({ as: admin, bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), kind: 'xlsx-file' })).status).toBe(415);
    expect((await upload({ as: admin, bytes: Buffer.from([0xca, 0xc2, 0xcf, 0xee, 0x2c, 0x0a]), kind: 'csv-body' })).body.error.message).toContain('UTF-8');

    const manyRows = `${headers.join(',')}\r\n${'x\r\n'.repeat(2001)}`;
    const tooMany = await upload({ as: admin, bytes: Buffer.from(manyRows), kind: 'csv-body' });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.message).toContain('2000');
    expect((await upload({ as: admin, bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), kind: 'csv-body' })).status).toBe(413);
    expect((await api().post('/admin/guides/import').set(admin.auth).set('Content-Type', 'application/json').send({ rows: [] })).status).toBe(415);
  });
});

describe('guide export', () => {
  it.each(['csv', 'xlsx'] as const)('the %s export of the catalogue imports back with every row unchanged, the 48 seeded guides among them', async (format) => {
    const exported = await download(`/admin/guides/export.${format}`, admin);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="guides\.\w+"; filename\*=UTF-8''/);
    const bytes = exported.body as Buffer;
    if (format === 'csv') {
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      // RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
      expect(bytes.toString('utf8')).toContain('"周一至周五 9:00-12:00, 13:30-17:00 (""午休""除外)"');
    }
    const total = await t.prisma.serviceItem.count();
    const before = await written();
    const result = await imported(upload({ as: admin, bytes, kind: format === 'csv' ? 'csv-file' : 'xlsx-file' }));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: total });
    expect(result.rows.map((row) => row.code)).toEqual(expect.arrayContaining(seededCodes));
    expect(result.rows.filter((row) => seededCodes.includes(row.code)).every((row) => row.outcome === 'UNCHANGED')).toBe(true);
    expect(await written()).toEqual({ ...before, audits: before.audits + 1 });
  });

  it('filters by department', async () => {
    const civil = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市民政局' } });
    const rows = await readXlsx((await download(`/admin/guides/export.xlsx?departmentId=${civil.id}`, admin)).body as Buffer);
    expect(rows.slice(1).map((row) => row[3])).toEqual(Array(await t.prisma.serviceItem.count({ where: { departmentId: civil.id } })).fill('清江市民政局'));
  });
});
