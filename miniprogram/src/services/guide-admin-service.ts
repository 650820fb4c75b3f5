import Taro from '@tarojs/taro';
import { z } from 'zod';
import {
  adminGuideListResponseSchema,
  guideDetailSchema,
  guideErrorReportViewSchema,
  guideImportErrorBodySchema,
  guideImportResultSchema,
  guideVersionListSchema,
  type GuideDetail,
  type GuideImportResult,
  type GuideImportRowError,
  type GuideInput,
  type ServiceItemStatus,
} from '@govpocket/shared';
import { sessionStore } from '@/session/session-store';
import { ApiError, messageForStatus, networkUnavailableMessage } from './api-error';
import { bffClient, ignoreResponseBody } from './api-client';
import { apiBaseUrl } from './env';

export type AdminGuideList = z.infer<typeof adminGuideListResponseSchema>;
export type AdminGuideRow = AdminGuideList['items'][number];
export type GuideVersionList = z.infer<typeof guideVersionListSchema>;
export type GuideErrorReportList = { items: z.infer<typeof guideErrorReportViewSchema>[] };

const errorReportListSchema = z.object({ items: z.array(guideErrorReportViewSchema) });

export function listAdminGuides(query: { status?: ServiceItemStatus; departmentId?: string; page: number; pageSize: number }): Promise<AdminGuideList> {
  return bffClient.request({ path: '/admin/guides', query, responseSchema: adminGuideListResponseSchema });
}

export function fetchAdminGuide(code: string): Promise<GuideDetail> {
  return bffClient.request({ path: `/admin/guides/${encodeURIComponent(code)}`, responseSchema: guideDetailSchema });
}

export function setGuidePublished(code: string, isPublished: boolean): Promise<void> {
  return bffClient.request({ method: 'POST', path: `/admin/guides/${encodeURIComponent(code)}/${isPublished ? 'publish' : 'unpublish'}`, responseSchema: ignoreResponseBody });
}

export function listGuideVersions(code: string): Promise<GuideVersionList> {
  return bffClient.request({ path: `/guides/${encodeURIComponent(code)}/versions`, responseSchema: guideVersionListSchema });
}

export function listDepartmentErrorReports(departmentId: string, status: 'PENDING' | 'ANSWERED'): Promise<GuideErrorReportList> {
  return bffClient.request({ path: `/staff/departments/${encodeURIComponent(departmentId)}/guide-error-reports`, query: { status }, responseSchema: errorReportListSchema });
}

export function answerErrorReport(departmentId: string, reportId: string, answer: string): Promise<void> {
  return bffClient.request({
    method: 'POST',
    path: `/staff/departments/${encodeURIComponent(departmentId)}/guide-error-reports/${encodeURIComponent(reportId)}/answer`,
    body: { answer },
    responseSchema: ignoreResponseBody,
  });
}

/** A refused save: the BFF's message and, per field path (`materials.0.condition`), what is wrong. */
export type GuideSaveFailure = { message: string; fieldErrors: Record<string, string> };
export type GuideSaveOutcome = { isSaved: true; guide: GuideDetail } | { isSaved: false; failure: GuideSaveFailure };

const validationBodySchema = z.object({
  error: z.object({ message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});

type RawResponse = { statusCode: number; data: unknown };

/** The shared client keeps only the message; saves and imports need the error details too. */
async function sendWithDetails(method: 'PUT', path: string, data: unknown, contentType: string): Promise<RawResponse> {
  const token = sessionStore.getToken();
  const header: Record<string, string> = { Accept: 'application/json', 'Content-Type': contentType };
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    const response = await Taro.request<unknown>({ url: `${apiBaseUrl}${path}`, method, data, header, timeout: 30_000, dataType: 'json' });
    return { statusCode: response.statusCode, data: response.data };
  } catch {
    throw new ApiError('NETWORK_UNAVAILABLE', networkUnavailableMessage);
  }
}

export async function saveGuide(input: GuideInput): Promise<GuideSaveOutcome> {
  const response = await sendWithDetails('PUT', `/admin/guides/${encodeURIComponent(input.code)}`, input, 'application/json');
  if (response.statusCode >= 200 && response.statusCode < 300) {
    const parsed = guideDetailSchema.safeParse(response.data);
    if (parsed.success) return { isSaved: true, guide: parsed.data };
    return { isSaved: true, guide: await fetchAdminGuide(input.code) };
  }
  const body = validationBodySchema.safeParse(response.data);
  if (!body.success) return { isSaved: false, failure: { message: messageForStatus(response.statusCode), fieldErrors: {} } };
  const fieldErrors: Record<string, string> = {};
  for (const detail of body.data.error.details ?? []) fieldErrors[detail.path] ??= detail.message;
  return { isSaved: false, failure: { message: body.data.error.message, fieldErrors } };
}

export type GuideImportOutcome = { isAccepted: true; result: GuideImportResult } | { isAccepted: false; message: string; rows: GuideImportRowError[] };

/** A picked CSV or XLSX file: the browser's File on H5, a temporary path on weapp. */
export type PickedGuideFile = { name: string; blob?: Blob; path?: string };

async function postImport(file: PickedGuideFile, path: string): Promise<RawResponse> {
  const token = sessionStore.getToken();
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  try {
    if (file.blob) {
      const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
      header['Content-Type'] = isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const response = await fetch(`${apiBaseUrl}${path}`, { method: 'POST', headers: header, body: file.blob });
      const text = await response.text();
      return { statusCode: response.status, data: parseJson(text) };
    }
    const response = await Taro.uploadFile({ url: `${apiBaseUrl}${path}`, filePath: file.path ?? '', name: 'file', header });
    return { statusCode: response.statusCode, data: parseJson(response.data) };
  } catch {
    throw new ApiError('NETWORK_UNAVAILABLE', networkUnavailableMessage);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Checks (`isDryRun`) or imports a file; a refused file comes back with every bad row. */
export async function importGuides(file: PickedGuideFile, isDryRun: boolean): Promise<GuideImportOutcome> {
  const response = await postImport(file, `/admin/guides/import${isDryRun ? '?dryRun=true' : ''}`);
  if (response.statusCode >= 200 && response.statusCode < 300) {
    const parsed = guideImportResultSchema.safeParse(response.data);
    if (parsed.success) return { isAccepted: true, result: parsed.data };
    return { isAccepted: false, message: '服务返回的数据异常，请稍后重试', rows: [] };
  }
  const body = guideImportErrorBodySchema.safeParse(response.data);
  if (!body.success) return { isAccepted: false, message: messageForStatus(response.statusCode), rows: [] };
  return { isAccepted: false, message: body.data.error.message, rows: body.data.error.details?.rows ?? [] };
}

export type GuideFileKind = 'template' | 'export';

/** The template and the export need the bearer token, so they are fetched rather than linked. */
export async function downloadGuideFile(kind: GuideFileKind, format: 'xlsx' | 'csv'): Promise<void> {
  const path = kind === 'template' ? `/admin/guides/import-template.${format}` : `/admin/guides/export.${format}`;
  const fileName = kind === 'template' ? `办事指南导入模板.${format}` : `办事指南导出.${format}`;
  const token = sessionStore.getToken();
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(`${apiBaseUrl}${path}`, { headers: header });
    if (!response.ok) throw new ApiError('UNKNOWN', messageForStatus(response.status), { status: response.status });
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  const result = await Taro.downloadFile({ url: `${apiBaseUrl}${path}`, header });
  if (result.statusCode !== 200) throw new ApiError('UNKNOWN', messageForStatus(result.statusCode), { status: result.statusCode });
  // WeChat previews XLSX but not CSV; the CSV still opens with the menu to forward or save it.
  await Taro.openDocument({ filePath: result.tempFilePath, showMenu: true, ...(format === 'xlsx' ? { fileType: 'xlsx' as const } : {}) });
}
