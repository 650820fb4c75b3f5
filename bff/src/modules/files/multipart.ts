import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { AppError } from '../../platform/errors/app-error';

/**
 * Reads a multipart/form-data upload (what Taro.uploadFile, the H5 FormData and a browser form
 * send) with one file part into memory, refusing it as soon as it passes the byte limit. The
 * routes that take files (images, guide imports) call this; the app's body parser leaves such
 * requests alone.
 */
export type MultipartFile = { bytes: Buffer; fields: Record<string, string>; fileName: string | null; mimeType: string | null };

/** What the uploader reads when the upload is refused; defaults speak of one image. */
export type MultipartMessages = { wrongFormat: string; tooLarge: (maxMegabytes: number) => string; missing: string; tooMany: string };

export const imageUploadMessages: MultipartMessages = {
  wrongFormat: '上传方式不正确，请在小程序内选择图片上传',
  tooLarge: (maxMegabytes) => `图片不能超过 ${maxMegabytes}MB，请压缩后重试`,
  missing: '请选择要上传的图片',
  tooMany: '一次只能上传一张图片',
};

export type ReadMultipartOptions = { fileField: string; maxFileBytes: number; messages?: MultipartMessages };

// Room for the boundary lines, part headers and a few small form fields around the file.
const envelopeBytes = 64 * 1024;
const maxFields = 8;

export function isMultipart(req: IncomingMessage): boolean {
  return /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
}

/** True when the declared length already rules the upload out, before reading any of it. */
export function isDeclaredTooLarge(req: IncomingMessage, { maxFileBytes }: { maxFileBytes: number }): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > maxFileBytes + envelopeBytes;
}

export function payloadTooLarge(maxFileBytes: number, messages: MultipartMessages = imageUploadMessages): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', { message: messages.tooLarge(Math.floor(maxFileBytes / (1024 * 1024))) });
}

export async function readMultipartFile(req: IncomingMessage, { fileField, maxFileBytes, messages = imageUploadMessages }: ReadMultipartOptions): Promise<MultipartFile> {
  if (!isMultipart(req)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: messages.wrongFormat });
  if (isDeclaredTooLarge(req, { maxFileBytes })) throw payloadTooLarge(maxFileBytes, messages);

  let parser: busboy.Busboy;
  try {
    // File names are sent as UTF-8 by browsers and WeChat (Chinese names), not busboy's latin1 default.
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxFileBytes, fields: maxFields, fieldSize: 1024, parts: maxFields + 1 } });
  } catch (error) {
    throw new AppError('BAD_REQUEST', { message: '上传格式有误，请重试', cause: error });
  }

  return new Promise<MultipartFile>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const fields: Record<string, string> = {};
    let hasFile = false;
    let fileName: string | null = null;
    let mimeType: string | null = null;
    let isTooLarge = false;
    let hasExtraParts = false;
    let fileDone: Promise<void> = Promise.resolve();

    let settled = false;
    const fail = (error: AppError): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Drained rather than left unread, so the answer reaches a client still sending.
      req.resume();
      reject(error);
    };

    // A part cut off before its closing boundary errors its own stream as well as the parser: every
    // stream gets a handler, or the 'error' event is unhandled and takes the process down.
    const truncated = (error: unknown): void => fail(new AppError('BAD_REQUEST', { message: '上传内容不完整，请重试', cause: error }));
    parser.on('file', (name, stream, info) => {
      stream.on('error', truncated);
      if (name !== fileField || hasFile) {
        hasExtraParts = true;
        stream.resume();
        return;
      }
      hasFile = true;
      fileName = info.filename ?? null;
      mimeType = info.mimeType || null;
      stream.on('data', (chunk: Buffer) => {
        if (!isTooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        isTooLarge = true;
        chunks.length = 0;
      });
      fileDone = new Promise((done) => {
        stream.on('close', done);
        stream.on('error', () => done());
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('filesLimit', () => {
      hasExtraParts = true;
    });
    parser.on('partsLimit', () => {
      hasExtraParts = true;
    });
    parser.on('error', truncated);
    parser.on('close', () => {
      void fileDone.then(() => {
        if (settled) return;
        settled = true;
        if (isTooLarge) return reject(payloadTooLarge(maxFileBytes, messages));
        if (!hasFile) return reject(new AppError('VALIDATION_FAILED', { message: messages.missing }));
        if (hasExtraParts) return reject(new AppError('VALIDATION_FAILED', { message: messages.tooMany }));
        resolve({ bytes: Buffer.concat(chunks), fields, fileName, mimeType });
      });
    });
    req.on('aborted', () => fail(new AppError('BAD_REQUEST', { message: '上传已中断，请重试' })));
    req.pipe(parser);
  });
}
