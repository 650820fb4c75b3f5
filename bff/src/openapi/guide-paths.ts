import { z } from 'zod';
import {
  adminGuideListQuerySchema,
  adminGuideListResponseSchema,
  answerGuideErrorReportRequestSchema,
  checklistSchema,
  favouriteGuideListSchema,
  guideCatalogSchema,
  guideDetailSchema,
  guideErrorReportRequestSchema,
  guideErrorReportViewSchema,
  guideExportQuerySchema,
  guideImportErrorBodySchema,
  guideImportQuerySchema,
  guideImportResultSchema,
  guideInputSchema,
  guideListQuerySchema,
  guideListResponseSchema,
  guideSearchQuerySchema,
  guideSearchResponseSchema,
  guideVersionDetailSchema,
  guideVersionListSchema,
  homeScreenSchema,
  recentGuideListSchema,
  updateChecklistRequestSchema,
} from '@govpocket/shared';
import { guideErrorReportListSchema } from './components';
import { binary, csvMedia, json, noContent, spreadsheetMedia, type ApiOperation } from './operation';

/** 办事指南 routes: resident browsing and lists, 指南纠错, maintenance, bulk import and export. */
const resident = '办事指南';
const mine = '我的';
const maintenance = '指南维护';
const editors = { roles: ['ADMIN' as const, 'DEPARTMENT_HANDLER' as const] };
const errorReportStatus = z.object({ status: z.enum(['PENDING', 'ANSWERED']).optional() });

const importBody = {
  'multipart/form-data': {
    schema: { type: 'object', properties: { file: { ...binary, description: 'CSV（UTF-8）或 XLSX 文件' } }, required: ['file'] },
  },
  'text/csv': { schema: { type: 'string' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
};

export const guidePaths: ApiOperation[] = [
  { method: 'get', path: '/guides', operationId: 'listGuides', tag: resident, access: 'public', summary: '浏览已发布的办事指南（按部门、服务对象、主题、一件事筛选）', query: guideListQuerySchema, responses: { 200: json('分页的事项列表', guideListResponseSchema) }, errors: [400] },
  { method: 'get', path: '/guide-catalog', operationId: 'readGuideCatalog', tag: resident, access: 'public', summary: '分类目录：部门、服务对象、主题、一件事及其事项数', responses: { 200: json('目录', guideCatalogSchema) } },
  { method: 'get', path: '/guide-search', operationId: 'searchGuides', tag: resident, access: 'public', summary: '搜索事项（名称、关键词、拼音及首字母）', query: guideSearchQuerySchema, responses: { 200: json('命中的事项，带高亮', guideSearchResponseSchema) }, errors: [400] },
  {
    method: 'get', path: '/guides/:code', operationId: 'readGuide', tag: resident, access: 'optional-login', summary: '办事指南详情（国家标准要素）',
    description: '带 ETag，可用 If-None-Match 得到 304。登录时记入“最近浏览”。', responses: { 200: json('办事指南', guideDetailSchema), 304: noContent('未变化') }, errors: [404],
  },
  { method: 'get', path: '/guides/:code/versions', operationId: 'listGuideVersions', tag: resident, access: 'public', summary: '指南的历史版本', responses: { 200: json('版本列表，新的在前', guideVersionListSchema) }, errors: [404] },
  { method: 'get', path: '/guides/:code/versions/:version', operationId: 'readGuideVersion', tag: resident, access: 'public', summary: '某一历史版本的指南快照', responses: { 200: json('版本快照', guideVersionDetailSchema) }, errors: [400, 404] },
  { method: 'get', path: '/guides/:code/checklist', operationId: 'readChecklist', tag: resident, access: 'login', summary: '我的材料清单（已勾选、尚缺的必需材料）', responses: { 200: json('材料清单', checklistSchema) }, errors: [404] },
  { method: 'put', path: '/guides/:code/checklist', operationId: 'updateChecklist', tag: resident, access: 'login', summary: '勾选已备好的材料', body: updateChecklistRequestSchema, responses: { 200: json('更新后的材料清单', checklistSchema) }, errors: [400, 404] },
  { method: 'put', path: '/guides/:code/favourite', operationId: 'addFavourite', tag: resident, access: 'login', summary: '收藏事项', responses: { 204: noContent('已收藏') }, errors: [404] },
  { method: 'delete', path: '/guides/:code/favourite', operationId: 'removeFavourite', tag: resident, access: 'login', summary: '取消收藏', responses: { 204: noContent('已取消') }, errors: [404] },
  { method: 'post', path: '/guides/:code/error-reports', operationId: 'reportGuideError', tag: resident, access: 'login', summary: '指南纠错：报告指南内容有误', body: guideErrorReportRequestSchema, responses: { 201: json('已提交，转给实施部门', guideErrorReportViewSchema) }, errors: [400, 404, 422, 429] },
  { method: 'get', path: '/me/favourites', operationId: 'listFavourites', tag: mine, access: 'login', summary: '我收藏的事项', responses: { 200: json('收藏，新的在前', favouriteGuideListSchema) } },
  { method: 'get', path: '/me/recent-guides', operationId: 'listRecentGuides', tag: mine, access: 'login', summary: '最近浏览的事项', responses: { 200: json('最近浏览，新的在前', recentGuideListSchema) } },
  { method: 'get', path: '/me/guide-error-reports', operationId: 'listMyGuideErrorReports', tag: mine, access: 'login', summary: '我提交的指南纠错及答复', responses: { 200: json('纠错记录', guideErrorReportListSchema) } },
  { method: 'get', path: '/home', operationId: 'readHome', tag: resident, access: 'optional-login', summary: '首页：热门事项、一件事；登录时含下一个预约和未读消息数', responses: { 200: json('首页', homeScreenSchema) } },
  {
    method: 'get', path: '/staff/departments/:departmentId/guide-error-reports', operationId: 'listDepartmentGuideErrorReports', tag: maintenance,
    access: { roles: ['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'] }, summary: '本部门收到的指南纠错', query: errorReportStatus, responses: { 200: json('纠错记录', guideErrorReportListSchema) }, errors: [400],
  },
  {
    method: 'post', path: '/staff/departments/:departmentId/guide-error-reports/:reportId/answer', operationId: 'answerGuideErrorReport', tag: maintenance,
    access: { roles: ['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'] }, summary: '答复指南纠错', body: answerGuideErrorReportRequestSchema, responses: { 200: json('已答复', guideErrorReportViewSchema) }, errors: [400, 404, 409],
  },
  { method: 'get', path: '/admin/guides', operationId: 'listGuidesForMaintenance', tag: maintenance, access: editors, summary: '维护列表（含未发布）', query: adminGuideListQuerySchema, responses: { 200: json('分页的事项列表', adminGuideListResponseSchema) }, errors: [400] },
  {
    method: 'post', path: '/admin/guides/import', operationId: 'importGuides', tag: maintenance, access: editors, summary: '批量导入办事指南（CSV 或 XLSX）',
    description: '模板见 docs/guide-import-template.md。整个文件要么全部导入、要么全不导入：任一行有误时返回 400，details.rows 列出每个错误行的行号（表头为第 1 行）和原因；部门承办人导入其他部门的事项时返回 403。按事项编码幂等：内容未变的行不产生新版本。?dryRun=true 只校验不写入。文件不超过 5MB、2000 行。',
    query: guideImportQuerySchema, rawBody: importBody,
    responses: { 200: json('每行的结果：新建、更新或未变', guideImportResultSchema), 400: json('有错误行，未导入任何内容', guideImportErrorBodySchema), 403: json('含其他部门的事项，未导入任何内容', guideImportErrorBodySchema) },
    errors: [413, 415],
  },
  { method: 'get', path: '/admin/guides/import-template.xlsx', operationId: 'downloadGuideTemplateXlsx', tag: maintenance, access: editors, summary: '下载导入模板（XLSX，含示例行和填写说明）', responses: { 200: spreadsheetMedia('导入模板') } },
  { method: 'get', path: '/admin/guides/import-template.csv', operationId: 'downloadGuideTemplateCsv', tag: maintenance, access: editors, summary: '下载导入模板（CSV，UTF-8 带 BOM）', responses: { 200: csvMedia('导入模板') } },
  { method: 'get', path: '/admin/guides/export.xlsx', operationId: 'exportGuidesXlsx', tag: maintenance, access: { roles: ['ADMIN'] }, summary: '导出全部办事指南（XLSX，与导入格式相同）', query: guideExportQuerySchema, responses: { 200: spreadsheetMedia('办事指南目录') }, errors: [400] },
  { method: 'get', path: '/admin/guides/export.csv', operationId: 'exportGuidesCsv', tag: maintenance, access: { roles: ['ADMIN'] }, summary: '导出全部办事指南（CSV，与导入格式相同）', query: guideExportQuerySchema, responses: { 200: csvMedia('办事指南目录') }, errors: [400] },
  { method: 'get', path: '/admin/guides/:code', operationId: 'readGuideForMaintenance', tag: maintenance, access: editors, summary: '读取指南（含未发布）', responses: { 200: json('办事指南', guideDetailSchema) }, errors: [404] },
  { method: 'post', path: '/admin/guides', operationId: 'createGuide', tag: maintenance, access: editors, summary: '新建指南（未发布）', body: guideInputSchema, responses: { 201: json('已保存为第 1 版', guideDetailSchema) }, errors: [400, 409] },
  {
    method: 'put', path: '/admin/guides/:code', operationId: 'saveGuide', tag: maintenance, access: editors, summary: '保存指南为新版本',
    description: '请求体中的 code 以路径为准。', body: guideInputSchema, responses: { 200: json('新版本', guideDetailSchema) }, errors: [400, 404],
  },
  { method: 'post', path: '/admin/guides/:code/publish', operationId: 'publishGuide', tag: maintenance, access: editors, summary: '发布指南', responses: { 204: noContent('已发布') }, errors: [404] },
  { method: 'post', path: '/admin/guides/:code/unpublish', operationId: 'unpublishGuide', tag: maintenance, access: editors, summary: '下线指南', responses: { 204: noContent('已下线') }, errors: [404] },
];
