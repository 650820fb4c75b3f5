import { z } from 'zod';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireRole, requireUser } from '../auth/access';
import { documentUploadMessages, uploadDocument } from './document-upload';
import { readMultipartFile } from './multipart';
import { issueOwnerFileUrl, openSignedFile, uploadImage, type FileDeps } from './service';

// A malformed query is simply not a valid signature: it answers 403 like a tampered one.
const signedQuerySchema = z
  .object({ expires: z.coerce.number().int().positive(), sig: z.string().max(64), v: z.string().max(32).optional() })
  .catch({ expires: 0, sig: '' });

/** The types uploadImage re-encodes to: the only bytes served inline. */
const inlineImageTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function filesRoutes(deps: FileDeps): AppRouter {
  const router = createRouter();

  router.post('/files/images', requireUser(), async (ctx) => {
    const user = currentUser(ctx.state);
    try {
      ctx.body = await uploadImage(deps, {
        ownerId: user.id,
        receive: () => readMultipartFile(ctx.req, { fileField: 'file', maxFileBytes: deps.limits.maxImageBytes }),
      });
      ctx.status = 201;
    } finally {
      // Refused before the body was read (rate limit, declared size): close rather than read
      // megabytes nobody wants just to keep the connection alive.
      if (!ctx.req.complete) ctx.set('Connection', 'close');
    }
  });

  // Staff who publish consultations upload their PDFs; residents never upload documents.
  router.post('/files/documents', requireRole('ADMIN', 'DEPARTMENT_HANDLER'), async (ctx) => {
    const user = currentUser(ctx.state);
    try {
      ctx.body = await uploadDocument(deps, {
        ownerId: user.id,
        receive: () => readMultipartFile(ctx.req, { fileField: 'file', maxFileBytes: deps.limits.maxDocumentBytes, messages: documentUploadMessages }),
      });
      ctx.status = 201;
    } finally {
      if (!ctx.req.complete) ctx.set('Connection', 'close');
    }
  });

  router.get('/files/:fileId/url', requireUser(), async (ctx) => {
    const user = currentUser(ctx.state);
    ctx.body = await issueOwnerFileUrl(deps, { fileId: ctx.params.fileId ?? '', ownerId: user.id });
  });

  router.get('/files/:fileId', async (ctx) => {
    const { expires, sig, v } = signedQuerySchema.parse(ctx.query);
    const file = await openSignedFile(deps, { fileId: ctx.params.fileId ?? '', expires, sig, viewerUserId: v });
    ctx.type = file.contentType;
    ctx.length = file.size;
    ctx.set('Cache-Control', `private, max-age=${file.maxAgeSeconds}`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    // Re-encoded images are shown in place; documents (PDF, office files) always download, so
    // nothing staff upload is ever rendered as a page on the API's origin.
    ctx.set('Content-Disposition', `${inlineImageTypes.has(file.contentType) ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
    // Images are shown by <img>/<image> on other origins (the H5 demo); helmet's same-origin
    // default would have the browser drop them.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.body = file.stream;
  });

  return router;
}
