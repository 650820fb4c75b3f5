import {
  assignLetterRequestSchema,
  draftReplyRequestSchema,
  editPublicTextRequestSchema,
  extensionRequestSchema,
  letterNoteRequestSchema,
  mergeLetterRequestSchema,
  notAcceptLetterRequestSchema,
  pageQuerySchema,
  reassignLetterRequestSchema,
  returnLetterRequestSchema,
  reviewExtensionRequestSchema,
  reviewReplyRequestSchema,
  staffLetterListQuerySchema,
  supplementRequestSchema,
  withdrawPublicationRequestSchema,
} from '@govpocket/shared';
import type { Context } from 'koa';
import { createRouter, type AppRouter } from '../../platform/http/router';
import type { AppState } from '../../platform/http/types';
import { currentUser, requireRole, requireScope } from '../auth/access';
import type { MailboxDeps } from './deps';
import { draftReply, requestExtension, returnLetter } from './handler-service';
import { acceptLetter, assignLetter, mergeLetter, notAcceptLetter, reviewExtension, reviewReply } from './office-service';
import { editPublicText, previewPublication, publishLetter, withdrawPublication } from './publish-service';
import { addNote, getStaffLetter, listDepartmentLetters, listOfficeLetters, listOverdue } from './staff-service';
import { requestSupplement } from './supplement';

/** The staff side: the office's inbox and actions, the department's desk, 督办. Services check each letter's scope. */
export function mailboxStaffRoutes(deps: MailboxDeps): AppRouter {
  const router = createRouter();
  const staff = requireRole('MAILBOX_OFFICE', 'DEPARTMENT_HANDLER', 'ADMIN');
  const office = requireRole('MAILBOX_OFFICE', 'ADMIN');
  const handler = requireRole('DEPARTMENT_HANDLER', 'ADMIN');
  type Ctx = Context & { state: AppState; params: Record<string, string | undefined> };
  const base = (ctx: Ctx) => ({ user: currentUser(ctx.state), letterId: ctx.params.id ?? '', requestId: ctx.state.requestId });
  const answer = async (ctx: Ctx): Promise<void> => {
    ctx.body = { letter: await getStaffLetter(deps, { user: currentUser(ctx.state), letterId: ctx.params.id ?? '' }) };
  };

  router.get('/staff/offices/:departmentId/letters', requireScope(['MAILBOX_OFFICE'], 'departmentId'), async (ctx) => {
    const { view, cursor, limit } = staffLetterListQuerySchema.parse(ctx.query);
    ctx.body = await listOfficeLetters(deps, { officeId: ctx.params.departmentId ?? '', view, cursor, limit });
  });
  router.get('/staff/offices/:departmentId/overdue', requireScope(['MAILBOX_OFFICE'], 'departmentId'), async (ctx) => {
    ctx.body = await listOverdue(deps, { officeId: ctx.params.departmentId ?? '' });
  });
  router.get('/staff/letters/overdue', requireRole('ADMIN'), async (ctx) => {
    ctx.body = await listOverdue(deps, { officeId: null });
  });
  router.get('/staff/departments/:departmentId/letters', requireScope(['DEPARTMENT_HANDLER'], 'departmentId'), async (ctx) => {
    const { cursor, limit } = pageQuerySchema.parse(ctx.query);
    ctx.body = await listDepartmentLetters(deps, { departmentId: ctx.params.departmentId ?? '', cursor, limit });
  });
  router.get('/staff/letters/:id', staff, answer);
  router.post('/staff/letters/:id/notes', staff, async (ctx) => {
    const { body } = letterNoteRequestSchema.parse(ctx.request.body ?? {});
    await addNote(deps, { ...base(ctx), body });
    ctx.status = 201;
    await answer(ctx);
  });

  // office
  router.post('/staff/letters/:id/accept', office, async (ctx) => {
    await acceptLetter(deps, base(ctx));
    await answer(ctx);
  });
  router.post('/staff/letters/:id/not-accept', office, async (ctx) => {
    await notAcceptLetter(deps, { ...base(ctx), ...notAcceptLetterRequestSchema.parse(ctx.request.body ?? {}) });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/assign', office, async (ctx) => {
    await assignLetter(deps, { ...base(ctx), ...assignLetterRequestSchema.parse(ctx.request.body ?? {}), isReassign: false });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/reassign', office, async (ctx) => {
    await assignLetter(deps, { ...base(ctx), ...reassignLetterRequestSchema.parse(ctx.request.body ?? {}), isReassign: true });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/review-reply', office, async (ctx) => {
    await reviewReply(deps, { ...base(ctx), ...reviewReplyRequestSchema.parse(ctx.request.body ?? {}) });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/review-extension', office, async (ctx) => {
    await reviewExtension(deps, { ...base(ctx), ...reviewExtensionRequestSchema.parse(ctx.request.body ?? {}) });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/supplement-request', office, async (ctx) => {
    const { request } = supplementRequestSchema.parse(ctx.request.body ?? {});
    await requestSupplement(deps, { ...base(ctx), request });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/merge', office, async (ctx) => {
    await mergeLetter(deps, { ...base(ctx), ...mergeLetterRequestSchema.parse(ctx.request.body ?? {}) });
    await answer(ctx);
  });
  router.get('/staff/letters/:id/publish-preview', office, async (ctx) => {
    ctx.body = await previewPublication(deps, base(ctx));
  });
  router.put('/staff/letters/:id/public-text', office, async (ctx) => {
    ctx.body = await editPublicText(deps, { ...base(ctx), text: editPublicTextRequestSchema.parse(ctx.request.body ?? {}) });
  });
  router.post('/staff/letters/:id/publish', office, async (ctx) => {
    ctx.body = await publishLetter(deps, base(ctx));
  });
  router.post('/staff/letters/:id/withdraw-publication', office, async (ctx) => {
    ctx.body = await withdrawPublication(deps, { ...base(ctx), ...withdrawPublicationRequestSchema.parse(ctx.request.body ?? {}) });
  });

  // department handler
  router.post('/staff/letters/:id/reply', handler, async (ctx) => {
    await draftReply(deps, { ...base(ctx), ...draftReplyRequestSchema.parse(ctx.request.body ?? {}) });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/extension', handler, async (ctx) => {
    await requestExtension(deps, { ...base(ctx), ...extensionRequestSchema.parse(ctx.request.body ?? {}) });
    await answer(ctx);
  });
  router.post('/staff/letters/:id/return', handler, async (ctx) => {
    await returnLetter(deps, { ...base(ctx), ...returnLetterRequestSchema.parse(ctx.request.body ?? {}) });
    ctx.status = 204;
  });
  return router;
}
