import { z } from 'zod';

/**
 * Image uploads (POST /files/images, multipart field `file`) and the signed URLs that serve them.
 * The mini-program sends `purpose` as a form field next to the file (Taro.uploadFile formData).
 */
export const uploadPurposeSchema = z.enum(['LETTER_IMAGE', 'PRE_REVIEW', 'GUIDE_ERROR', 'CONSULTATION_DOCUMENT', 'OTHER']);
export type UploadPurpose = z.infer<typeof uploadPurposeSchema>;

/** What is stored: the type sniffed from the bytes, never the one the client declared. */
export const imageContentTypeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type ImageContentType = z.infer<typeof imageContentTypeSchema>;

export const uploadedImageSchema = z.object({
  fileId: z.string(),
  /** Signed and expiring; relative to the BFF base unless FILE_URL_BASE is configured. */
  url: z.string(),
  /** Unix seconds after which `url` answers 403; ask GET /files/:fileId/url for a fresh one. */
  expiresAt: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  size: z.number().int().positive(),
  contentType: imageContentTypeSchema,
});
export type UploadedImage = z.infer<typeof uploadedImageSchema>;

/** GET /files/:fileId/url: a fresh signed URL for the owner's own upload. */
export const signedFileUrlSchema = z.object({ fileId: z.string(), url: z.string(), expiresAt: z.number().int() });
export type SignedFileUrl = z.infer<typeof signedFileUrlSchema>;

/** POST /files/documents (staff): a PDF for a consultation's attachments. */
export const uploadedDocumentSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  url: z.string(),
  expiresAt: z.number().int(),
  size: z.number().int(),
  contentType: z.literal('application/pdf'),
});
export type UploadedDocument = z.infer<typeof uploadedDocumentSchema>;
