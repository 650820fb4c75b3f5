import type Redis from 'ioredis';
import type { RateLimiter } from '../../platform/rate-limit';
import { encryptPersonal, hashPersonal, readPersonal, type PrismaClient } from '@govpocket/db';
import { maskPhone, type PrivacyConsentKind, type Profile, type SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import type { SessionStore } from '../auth/session-store';
import type { MiniProgramApi } from '../wechat/mini-program-api';
import { WechatApiError, WechatUnavailableError } from '../wechat/wechat-http';
import { findExportRows, findProfileRow, hasConsent, saveConsent, savePhone, savePreferences } from './repository';
import { anonymiseLettersOfDeletedResident } from '../mailbox';
import { deleteStoredBytes, listStoredUploadsOf, markUploadsRemoved, type FileStorage } from '../files';

export type MeDeps = { prisma: PrismaClient; redis: Redis; keyPrefix: string; wechat: MiniProgramApi; sessions: SessionStore; privacyPolicyVersion: string; rateLimiter: RateLimiter; storage: FileStorage };

export async function getProfile(deps: MeDeps, user: SessionUser): Promise<Profile> {
  const row = await findProfileRow(deps.prisma, user.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  const consents = row.privacyConsents.map((consent) => ({ kind: consent.kind, version: consent.version, acceptedAt: consent.acceptedAt.toISOString() }));
  return {
    user,
    maskedPhone: maskedPhoneOf(readPersonal(row.phoneEncrypted, { field: 'User.phoneEncrypted', rowId: user.id })),
    isElderMode: row.isElderMode,
    privacyPolicyVersion: deps.privacyPolicyVersion,
    consents,
    needsPrivacyConsent: !consents.some((consent) => consent.kind === 'PRIVACY_POLICY' && consent.version === deps.privacyPolicyVersion),
  };
}

export async function recordConsent(deps: MeDeps, { user, kind, version }: { user: SessionUser; kind: PrivacyConsentKind; version: string }): Promise<void> {
  if (kind === 'PRIVACY_POLICY' && version !== deps.privacyPolicyVersion) {
    throw new AppError('CONFLICT', { message: '隐私保护指引已更新，请重新阅读后同意' });
  }
  await saveConsent(deps.prisma, { userId: user.id, kind, version, at: new Date() });
}

/** getPhoneNumber code → WeChat → stored encrypted, with a keyed hash for lookups. */
export async function bindPhone(deps: MeDeps, { user, code }: { user: SessionUser; code: string }): Promise<{ maskedPhone: string }> {
  if (!(await hasConsent(deps.prisma, { userId: user.id, kind: 'PRIVACY_POLICY', version: deps.privacyPolicyVersion }))) {
    throw new AppError('FORBIDDEN', { message: '请先阅读并同意《隐私保护指引》' });
  }
  // Each code costs a getPhoneNumber call to WeChat.
  await deps.rateLimiter.consume('phoneNumber', user.id);
  const phone = await deps.wechat.getPhoneNumber(code).catch((error: unknown) => {
    if (error instanceof WechatApiError && error.errcode === 40029) throw new AppError('BAD_REQUEST', { message: '手机号授权已失效，请重新授权' });
    if (error instanceof WechatUnavailableError) throw new AppError('SERVICE_UNAVAILABLE', { message: '微信服务暂时不可用，请稍后重试', retryAfterSeconds: 5 });
    throw error;
  });
  const number = phone.purePhoneNumber;
  await deps.prisma.$transaction(async (tx) => {
    await savePhone(tx, { userId: user.id, phoneEncrypted: encryptPersonal(number, { field: 'User.phoneEncrypted', rowId: user.id }), phoneHash: hashPersonal(number), at: new Date() });
    await saveConsent(tx, { userId: user.id, kind: 'PHONE_NUMBER', version: deps.privacyPolicyVersion, at: new Date() });
  });
  return { maskedPhone: maskPhone(number) };
}

export async function updatePreferences(deps: MeDeps, { user, isElderMode }: { user: SessionUser; isElderMode: boolean }): Promise<void> {
  await savePreferences(deps.prisma, { userId: user.id, isElderMode });
}

const maskedPhoneOf = (phone: string | null): string | null => (phone ? maskPhone(phone) : null);

/** PIPL: everything we hold about the resident, decrypted for them alone. */
export async function exportMyData(deps: MeDeps, user: SessionUser) {
  const row = await findExportRows(deps.prisma, user.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  const { phoneEncrypted, letters, ...rest } = row;
  return {
    exportedAt: new Date().toISOString(),
    ...rest,
    phone: readPersonal(phoneEncrypted, { field: 'User.phoneEncrypted', rowId: user.id }),
    letters: letters.map(({ id, contactPhoneEncrypted, ...letter }) => ({ ...letter, contactPhone: readPersonal(contactPhoneEncrypted, { field: 'Letter.contactPhoneEncrypted', rowId: id }) })),
  };
}

/**
 * PIPL account deletion: personal data is erased, sessions end, and the workflow records that
 * others depend on (letters, appointments, opinions, payments) stay, anonymised: they point at a
 * user row that no longer says who it was. Every upload of theirs (letter photos, pre-review
 * photos) is deleted from storage; the rows stay, marked, so staff read that the photo is gone.
 */
export async function deleteMyAccount(deps: MeDeps, { user, requestId }: { user: SessionUser; requestId: string }): Promise<void> {
  if (user.roles.length > 0) throw new AppError('CONFLICT', { message: '员工账号请联系管理员解除绑定后再注销' });
  const now = new Date();
  const storageKeys = await deps.prisma.$transaction(async (tx) => {
    const registered = await tx.user.findUnique({ where: { id: user.id }, select: { nickname: true } });
    // Before the name is gone: the letters keep their record, masked, and leave 信件选登.
    const letterErasure = await anonymiseLettersOfDeletedResident(tx, { residentId: user.id, knownNames: registered?.nickname ? [registered.nickname] : [], now, requestId });
    await tx.user.update({
      where: { id: user.id },
      data: { openid: `deleted:${user.id}`, unionid: null, nickname: null, avatarUrl: null, phoneEncrypted: null, phoneHash: null, phoneBoundAt: null, isElderMode: false, deletedAt: new Date() },
    });
    // Each letter keeps a contact phone blob (the column is required): an empty one, bound to its row.
    const letters = await tx.letter.findMany({ where: { residentId: user.id }, select: { id: true } });
    for (const letter of letters) {
      await tx.letter.update({ where: { id: letter.id }, data: { contactPhoneEncrypted: encryptPersonal('', { field: 'Letter.contactPhoneEncrypted', rowId: letter.id }), contactPhoneLast4Hash: hashPersonal(`erased:${user.id}`) } });
    }
    await tx.appointment.updateMany({ where: { residentId: user.id }, data: { deliveryAddressEncrypted: null, contactPhoneEncrypted: null } });
    await tx.favourite.deleteMany({ where: { userId: user.id } });
    await tx.recentView.deleteMany({ where: { userId: user.id } });
    await tx.materialChecklist.deleteMany({ where: { userId: user.id } });
    await tx.subscribeQuota.deleteMany({ where: { userId: user.id } });
    await tx.notification.deleteMany({ where: { userId: user.id } });
    const uploads = await listStoredUploadsOf(tx, user.id);
    await markUploadsRemoved(tx, { storageKeys: uploads.map((upload) => upload.storageKey), reason: 'ACCOUNT_DELETED', at: now });
    await tx.preReviewFile.updateMany({ where: { appointment: { residentId: user.id }, fileRemovedAt: null }, data: { fileRemovedAt: now, fileRemovedReason: 'ACCOUNT_DELETED' } });
    await writeAudit(tx, { actorUserId: user.id, actorRole: 'RESIDENT', action: 'ACCOUNT_DELETED', entityType: 'User', entityId: user.id, after: { uploadsRemoved: uploads.length, lettersAnonymised: letterErasure.anonymised, lettersWithdrawn: letterErasure.withdrawn }, requestId });
    return uploads.map((upload) => upload.storageKey);
  });
  // After the commit: the rows already stop every URL, so a failed delete leaves only dead bytes.
  await deleteStoredBytes(deps.storage, storageKeys);
  await deps.sessions.revokeAllForUser(user.id);
  // Written by releases that kept WeChat's session_key (three days): gone with the account.
  await deps.redis.del(`${deps.keyPrefix}wx-session-key:${user.id}`);
}
