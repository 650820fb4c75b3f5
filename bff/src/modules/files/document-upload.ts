import { createHash, randomUUID } from 'node:crypto';
import type { UploadedDocument } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import type { MultipartFile, MultipartMessages } from './multipart';
import { createUploadedFile } from './repository';
import type { FileDeps } from './service';

/**
 * Staff upload the documents a consultation publishes (the draft as PDF, explanatory notes). Only
 * PDF is taken, recognised by its bytes, not by the name or the declared type.
 */
export const documentUploadMessages: MultipartMessages = {
  wrongFormat: '上传方式不正确，请在小程序内选择文件上传',
  tooLarge: (maxMegabytes) => `文件不能超过 ${maxMegabytes}MB`,
  missing: '请选择要上传的文件',
  tooMany: '一次只能上传一个文件',
};

const pdfMagic = Buffer.from('%PDF-');

function documentName(fileName: string | null): string {
  const name = [...(fileName ?? '')].filter((char) => char.charCodeAt(0) >= 0x20 && !'\\/"'.includes(char)).join('').trim();
  return [...(name || '附件.pdf')].slice(0, 128).join('');
}

export async function uploadDocument(deps: FileDeps, { ownerId, receive }: { ownerId: string; receive: () => Promise<MultipartFile> }): Promise<UploadedDocument> {
  await deps.rateLimiter.consume('documentUpload', ownerId);
  const { bytes, fileName } = await receive();
  if (bytes.length < pdfMagic.length || !bytes.subarray(0, pdfMagic.length).equals(pdfMagic)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: '仅支持上传 PDF 文件' });
  }
  const now = new Date();
  const storageKey = `documents/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.pdf`;
  await deps.storage.put(storageKey, bytes, 'application/pdf');
  try {
    const record = await createUploadedFile(deps.prisma, {
      ownerId,
      purpose: 'CONSULTATION_DOCUMENT',
      storageKey,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      width: 0,
      height: 0,
    });
    const signed = deps.urls.signFileUrl(record.id, {});
    return { fileId: record.id, name: documentName(fileName), url: signed.url, expiresAt: signed.expiresAt, size: bytes.length, contentType: 'application/pdf' };
  } catch (error) {
    await deps.storage.delete(storageKey);
    throw error;
  }
}
