import { randomInt } from 'node:crypto';
import { encryptPersonal, hashPersonal, newRecordId, readPersonal } from '@govpocket/db';
import { letterReceiptResponseSchema, type LetterReceipt, submitLetterRequestSchema } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { runIdempotently, type IdempotentAnswer } from '../../platform/http/idempotency';
import { inTransaction, isUniqueViolation } from '../../platform/db/transaction';
import { checkResidentText } from '../content-safety/service';
import { findOwnUpload } from '../files';
import type { MailboxDeps } from './deps';
import { findActiveMailbox, findLetterByKey, findResidentContact, insertSubmittedLetter } from './letter-repository';

/**
 * A resident writes to a mailbox. Before anything is stored the text passes content safety (a
 * blocked word or a risky verdict refuses it; a review word, or WeChat being unreachable, stores
 * it for the office to look at); the images must be the resident's own uploads; the contact phone
 * is the one bound through WeChat. The Idempotency-Key makes a double tap one letter, and the
 * hourly limit counts only new keys.
 */
type Answer = IdempotentAnswer<{ letter: LetterReceipt }>;

export async function submitLetter(
  deps: MailboxDeps,
  { residentId, idempotencyKey, request, requestId }: { residentId: string; idempotencyKey: string; request: unknown; requestId: string },
): Promise<Answer> {
  const input = submitLetterRequestSchema.parse(request);
  const answer = await runIdempotently(
    {
      prisma: deps.prisma, scope: `letter.submit:${residentId}`, key: idempotencyKey, userId: residentId, request: input, now: deps.now,
      refuseEarly: () => deps.rateLimiter.consume('letterSubmission', residentId),
    },
    (json) => letterReceiptResponseSchema.parse(json),
    async () => ({ status: 201, body: { letter: await storeLetter(deps, { residentId, idempotencyKey, input, requestId }) } }),
  );
  // After the commit: WeChat downloads and judges the images; a failure here is retried by a job.
  if (input.imageFileIds.length > 0) await deps.mediaChecks?.request({ letterId: answer.body.letter.id });
  return answer;
}

async function storeLetter(
  deps: MailboxDeps,
  { residentId, idempotencyKey, input, requestId }: { residentId: string; idempotencyKey: string; input: ReturnType<typeof submitLetterRequestSchema.parse>; requestId: string },
): Promise<LetterReceipt> {
  const settings = await deps.settings.read();
  // Stored by an earlier attempt whose answer was lost (its process died after the commit): the
  // same letter again, not a second one and not the unique-key clash a new insert would hit.
  const earlier = await earlierReceipt(deps, { residentId, idempotencyKey, replyWorkingDays: settings.replyWorkingDays });
  if (earlier) return earlier;
  checkLength(input.title, settings.titleLength, '标题');
  checkLength(input.body, settings.bodyLength, '内容');
  if (input.imageFileIds.length > settings.maxImages) throw new AppError('VALIDATION_FAILED', { message: `最多上传${settings.maxImages}张图片` });
  const mailbox = await findActiveMailbox(deps.prisma, input.mailboxId);
  if (!mailbox) throw new AppError('NOT_FOUND', { message: '信箱不存在或已停用' });
  const resident = await findResidentContact(deps.prisma, residentId);
  // A phone blob that cannot be read (copied from elsewhere, a retired key) counts as no phone.
  const phone = resident ? readPersonal(resident.phoneEncrypted, { field: 'User.phoneEncrypted', rowId: residentId }) : null;
  if (!resident || !phone) throw new AppError('BAD_REQUEST', { message: '请先授权绑定手机号，以便办理部门联系您' });
  const images: NonNullable<Awaited<ReturnType<typeof findOwnUpload>>>[] = [];
  for (const fileId of new Set(input.imageFileIds)) {
    const upload = await findOwnUpload(deps.files, { fileId, ownerId: residentId });
    if (!upload || upload.purpose !== 'LETTER_IMAGE') throw new AppError('VALIDATION_FAILED', { message: '图片不存在或已过期，请重新上传' });
    images.push(upload);
  }
  // Every image costs a WeChat media check.
  if (images.length > 0) await deps.rateLimiter.consume('mediaCheck', residentId, { cost: images.length });
  const verdict = await checkResidentText(deps.contentSafety, { text: input.body, title: input.title, openid: resident.openid, scene: 'FORUM' });

  const now = deps.now();
  const calendar = await deps.calendar.current();
  const acceptDueAt = calendar.addWorkingDays(now, settings.acceptWorkingDays);
  const expectedReplyBy = calendar.addWorkingDays(acceptDueAt, mailbox.promisedDays ?? settings.replyWorkingDays);
  for (let attempt = 0; ; attempt += 1) {
    const trackingCode = newTrackingCode();
    // The id is chosen here so that the contact phone is bound to this row.
    const letterId = newRecordId();
    try {
      const letter = await inTransaction(deps.prisma, async (tx) => {
        const created = await insertSubmittedLetter(tx, {
          letter: {
            id: letterId, trackingCode, mailboxId: mailbox.id, ownerDepartmentId: mailbox.ownerDepartmentId, residentId, idempotencyKey, type: input.type, title: input.title, body: input.body,
            contactPhoneEncrypted: encryptPersonal(phone, { field: 'Letter.contactPhoneEncrypted', rowId: letterId }), contactPhoneLast4Hash: hashPersonal(phone.slice(-4)),
            // 举报 may name people and is never published, whatever the resident ticked.
            isPublishAgreed: input.type !== 'REPORT' && input.isPublishAgreed,
            contentCheckTraceId: verdict.traceId, contentCheckStatus: verdict.status, submittedAt: now, acceptDueAt,
          },
          images: images.map((image, index) => ({ sortOrder: index + 1, uploadedFileId: image.id, url: `/files/${image.id}`, storageKey: image.storageKey, mimeType: image.contentType, sizeBytes: image.sizeBytes })),
          event: { action: 'SUBMIT', fromStatus: null, toStatus: 'SUBMITTED', actorType: 'RESIDENT', actorUserId: residentId, actorRole: 'RESIDENT', data: verdict.reasons.length > 0 ? { contentCheck: verdict.reasons } : undefined },
        });
        await writeAudit(tx, { actorUserId: residentId, actorRole: 'RESIDENT', action: 'LETTER_SUBMIT', entityType: 'Letter', entityId: created.id, after: { status: 'SUBMITTED', contentCheckStatus: verdict.status }, requestId });
        return created;
      });
      return { id: letter.id, trackingCode, status: 'SUBMITTED', contentCheckStatus: verdict.status, submittedAt: now.toISOString(), expectedAcceptBy: acceptDueAt.toISOString(), expectedReplyBy: expectedReplyBy.toISOString() };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // An attempt with the same key committed meanwhile (its claim had expired while it ran).
      const raced = await earlierReceipt(deps, { residentId, idempotencyKey, replyWorkingDays: settings.replyWorkingDays });
      if (raced) return raced;
      // Otherwise the tracking code: ten random characters from 32 rarely collide; draw again.
      if (attempt >= 3) throw error;
    }
  }
}

async function earlierReceipt(deps: MailboxDeps, { residentId, idempotencyKey, replyWorkingDays }: { residentId: string; idempotencyKey: string; replyWorkingDays: number }): Promise<LetterReceipt | null> {
  const letter = await findLetterByKey(deps.prisma, { residentId, idempotencyKey });
  if (!letter) return null;
  const calendar = await deps.calendar.current();
  const expectedReplyBy = calendar.addWorkingDays(letter.acceptDueAt, letter.mailbox.promisedDays ?? replyWorkingDays);
  return {
    id: letter.id, trackingCode: letter.trackingCode, status: letter.status, contentCheckStatus: letter.contentCheckStatus,
    submittedAt: letter.submittedAt.toISOString(), expectedAcceptBy: letter.acceptDueAt.toISOString(), expectedReplyBy: expectedReplyBy.toISOString(),
  };
}

function checkLength(text: string, { min, max }: { min: number; max: number }, what: string): void {
  const length = [...text].length;
  if (length < min || length > max) throw new AppError('VALIDATION_FAILED', { message: `${what}应为${min}到${max}个字` });
}

// No 0/O or 1/I: the code is read aloud on the phone and typed by hand.
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newTrackingCode(): string {
  let code = 'QJ';
  for (let index = 0; index < 8; index += 1) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}
