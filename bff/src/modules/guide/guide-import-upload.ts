import type { IncomingMessage } from 'node:http';
import { AppError } from '../../platform/errors/app-error';
import { isMultipart, payloadTooLarge, readMultipartFile, type MultipartMessages } from '../files';

/**
 * The file of a guide import: a multipart form's `file` part (a browser form, the admin pages), or
 * the whole body sent as text/csv or XLSX (scripts: `curl --data-binary @guides.csv`). Which format
 * it is is read from the bytes later, not from what the client declared.
 */
const messages: MultipartMessages = {
  wrongFormat: '请上传 CSV 或 XLSX 文件',
  tooLarge: (maxMegabytes) => `文件不能超过 ${maxMegabytes}MB，请拆分后分批导入`,
  missing: '请选择要导入的 CSV 或 XLSX 文件（表单字段 file）',
  tooMany: '一次只能导入一个文件',
};
const rawBodyTypes = /^(text\/csv|application\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/octet-stream)\s*(;|$)/i;

function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(payloadTooLarge(maxBytes, messages));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isTooLarge = false;
    // Past the limit the rest is drained unread, so the answer still reaches a client that is sending.
    req.on('data', (chunk: Buffer) => {
      if (isTooLarge) return;
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      isTooLarge = true;
      chunks.length = 0;
      reject(payloadTooLarge(maxBytes, messages));
    });
    req.on('end', () => {
      if (!isTooLarge) resolve(Buffer.concat(chunks));
    });
    req.on('aborted', () => reject(new AppError('BAD_REQUEST', { message: '上传已中断，请重试' })));
    req.on('error', (error) => reject(new AppError('BAD_REQUEST', { message: '上传已中断，请重试', cause: error })));
  });
}

export async function readImportUpload(req: IncomingMessage, { maxBytes }: { maxBytes: number }): Promise<Buffer> {
  let bytes: Buffer;
  if (isMultipart(req)) bytes = (await readMultipartFile(req, { fileField: 'file', maxFileBytes: maxBytes, messages })).bytes;
  else if (rawBodyTypes.test(req.headers['content-type'] ?? '')) bytes = await readRawBody(req, maxBytes);
  else throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: '请以 multipart/form-data（字段 file）上传，或以 text/csv、XLSX 作为请求体' });
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', { message: messages.missing });
  return bytes;
}
