import { fromBuffer } from 'file-type';
import sharp from 'sharp';
import type { ImageContentType } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';

/**
 * Turns uploaded bytes into an image we are willing to store and serve. The type comes from the
 * bytes alone (the declared Content-Type and file name are the client's word, and an HTML page
 * named photo.jpg must never be served back as HTML); the image is then decoded and re-encoded in
 * its own format, which drops EXIF (GPS, device serials), XMP and comments, applies the EXIF
 * orientation to the pixels, and leaves no room for a polyglot payload after the image data.
 */
export type SanitizedImage = { bytes: Buffer; contentType: ImageContentType; extension: string; width: number; height: number };

type Format = 'jpeg' | 'png' | 'webp';

const acceptedFormats: Record<string, { format: Format; contentType: ImageContentType; extension: string }> = {
  'image/jpeg': { format: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
  'image/png': { format: 'png', contentType: 'image/png', extension: 'png' },
  'image/webp': { format: 'webp', contentType: 'image/webp', extension: 'webp' },
};

// Quality high enough that a photographed certificate stays legible for pre-review staff.
const encoderOptions = {
  jpeg: { quality: 88, mozjpeg: false },
  png: { compressionLevel: 6 },
  webp: { quality: 88 },
} satisfies Record<Format, object>;

const tooManyPixels = /pixel limit/i;

export async function sanitizeImage(bytes: Buffer, { maxPixels }: { maxPixels: number }): Promise<SanitizedImage> {
  if (bytes.length === 0) throw new AppError('INVALID_IMAGE', { message: '图片为空，请重新选择' });
  const sniffed = await fromBuffer(bytes);
  // HEIC is refused here too: the bundled libvips cannot decode HEVC, and iOS sends JPEG anyway.
  const accepted = sniffed ? acceptedFormats[sniffed.mime] : undefined;
  if (!accepted) throw new AppError('UNSUPPORTED_IMAGE_TYPE');

  try {
    // One frame only: an animated WebP is stored as its first frame, like a photo.
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', autoOrient: true, animated: false })
      .toFormat(accepted.format, encoderOptions[accepted.format])
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: accepted.contentType, extension: accepted.extension, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && tooManyPixels.test(error.message)) {
      throw new AppError('INVALID_IMAGE', { message: '图片像素过大，请压缩后再上传', cause: error });
    }
    throw new AppError('INVALID_IMAGE', { cause: error });
  }
}
