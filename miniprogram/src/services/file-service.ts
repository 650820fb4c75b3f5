import Taro from '@tarojs/taro';
import { errorBodySchema, uploadedDocumentSchema, uploadedImageSchema, type UploadPurpose, type UploadedDocument, type UploadedImage } from '@govpocket/shared';
import { sessionStore } from '@/session/session-store';
import type { ResponseSchema } from './api-client';
import { ApiError, badResponseMessage, codeForStatus, isErrorCode, messageForStatus, networkUnavailableMessage } from './api-error';
import { apiBaseUrl } from './env';

/**
 * POST /files/images (multipart field `file`, form field `purpose`). Taro.uploadFile reads a
 * weapp temp path or an H5 blob URL alike; the shared JSON client cannot send multipart.
 */
export async function uploadImage({ path, purpose }: { path: string; purpose: UploadPurpose }): Promise<UploadedImage> {
  return uploadFile({ endpoint: '/files/images', path, formData: { purpose }, responseSchema: uploadedImageSchema });
}

/** POST /files/documents (staff): a PDF attached to a consultation. */
export async function uploadDocument({ path }: { path: string }): Promise<UploadedDocument> {
  return uploadFile({ endpoint: '/files/documents', path, formData: {}, responseSchema: uploadedDocumentSchema });
}

async function uploadFile<T>({ endpoint, path, formData, responseSchema }: { endpoint: string; path: string; formData: Record<string, string>; responseSchema: ResponseSchema<T> }): Promise<T> {
  const token = sessionStore.getToken();
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  let response: { statusCode: number; data: string };
  try {
    response = await Taro.uploadFile({ url: `${apiBaseUrl}${endpoint}`, filePath: path, name: 'file', formData, header });
  } catch {
    throw new ApiError('NETWORK_UNAVAILABLE', networkUnavailableMessage);
  }
  const body = parseJson(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300) {
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', badResponseMessage, { status: response.statusCode });
    return parsed.data;
  }
  const error = errorBodySchema.safeParse(body);
  if (error.success && isErrorCode(error.data.error.code)) throw new ApiError(error.data.error.code, error.data.error.message, { status: response.statusCode });
  throw new ApiError(codeForStatus(response.statusCode), messageForStatus(response.statusCode), { status: response.statusCode });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
