import type { PrismaClient } from '@govpocket/db';
import type { CreateStaffAccountRequest, DisableStaffAccountRequest, SessionUser, StaffAccountView } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { inTransaction } from '../../platform/db/transaction';
import { AppError } from '../../platform/errors/app-error';
import type { RateLimiter } from '../../platform/rate-limit';
import { readSettings } from '../../platform/settings';
import { findSessionUser } from '../auth/repository';
import type { SessionStore } from '../auth/session-store';
import { generateBindingCode, hashBindingCode } from './binding-code';
import {
  bindAccountToUser,
  consumeBindingCode,
  countMissingScopes,
  findBindingCode,
  findStaffAccount,
  findStaffAccountIdentity,
  holdsAdminRole,
  insertBindingCode,
  insertStaffAccount,
  isUserStaff,
  lockAndCountOtherActiveAdmins,
  setStaffAccountStatus,
} from './repository';

export type StaffDeps = { prisma: PrismaClient; rateLimiter: RateLimiter; sessions: SessionStore; now?: () => Date };

type IssuedCode = { code: string; expiresAt: string };

/** A binding code lives `staff.bindingCodeTtlHours`; guesses are limited to `staff.bindingCodeMaxAttempts`. */
export const staffSettingsSpec = { bindingCodeTtlHours: 'staff.bindingCodeTtlHours', bindingCodeMaxAttempts: 'staff.bindingCodeMaxAttempts' } as const;

async function bindingCodeExpiry(deps: StaffDeps, now: Date): Promise<Date> {
  const { bindingCodeTtlHours } = await readSettings(deps.prisma, staffSettingsSpec);
  return new Date(now.getTime() + bindingCodeTtlHours * 60 * 60 * 1000);
}

/** Admin: a staff account with its roles and scopes, and the first one-time binding code. */
export async function createStaffAccount(
  deps: StaffDeps,
  { admin, input, requestId }: { admin: SessionUser; input: CreateStaffAccountRequest; requestId: string },
): Promise<{ account: StaffAccountView; bindingCode: IssuedCode }> {
  const missing = await countMissingScopes(deps.prisma, input.roles);
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', { message: '所选大厅或部门不存在', details: { missing } });
  const now = deps.now?.() ?? new Date();
  const code = generateBindingCode();
  const expiresAt = await bindingCodeExpiry(deps, now);
  const account = await inTransaction(deps.prisma, async (tx) => {
    const created = await insertStaffAccount(tx, input);
    await insertBindingCode(tx, { staffAccountId: created.id, codeHash: hashBindingCode(code), expiresAt });
    await writeAudit(tx, {
      actorUserId: admin.id, actorRole: 'ADMIN', action: 'STAFF_ACCOUNT_CREATED', entityType: 'StaffAccount', entityId: created.id,
      after: { name: created.name, roles: created.roles.map((role) => `${role.role}:${role.scopeId ?? 'GLOBAL'}`) }, requestId,
    });
    return created;
  });
  return { account, bindingCode: { code, expiresAt: expiresAt.toISOString() } };
}

/** Admin: a fresh code for an account not yet bound (lost code, or expired); earlier codes stop working. */
export async function issueBindingCode(deps: StaffDeps, { admin, staffAccountId, requestId }: { admin: SessionUser; staffAccountId: string; requestId: string }): Promise<IssuedCode> {
  const account = await findStaffAccount(deps.prisma, staffAccountId);
  if (!account) throw new AppError('NOT_FOUND', { message: '员工账号不存在' });
  if (account.isBound) throw new AppError('CONFLICT', { message: '该员工账号已绑定微信，无需绑定码' });
  if (account.status !== 'ACTIVE') throw new AppError('CONFLICT', { message: '该员工账号已停用，请先启用再发放绑定码' });
  const now = deps.now?.() ?? new Date();
  const code = generateBindingCode();
  const expiresAt = await bindingCodeExpiry(deps, now);
  await inTransaction(deps.prisma, async (tx) => {
    await insertBindingCode(tx, { staffAccountId, codeHash: hashBindingCode(code), expiresAt });
    await writeAudit(tx, { actorUserId: admin.id, actorRole: 'ADMIN', action: 'STAFF_BINDING_CODE_ISSUED', entityType: 'StaffAccount', entityId: staffAccountId, requestId });
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

const invalidCode = (): AppError => new AppError('BAD_REQUEST', { message: '绑定码无效或已过期，请联系管理员重新获取' });

/** A signed-in WeChat user enters the code once; their identity becomes the staff account's. */
export async function bindStaffIdentity(
  deps: StaffDeps,
  { user, code, clientIp, requestId }: { user: SessionUser; code: string; clientIp: string; requestId: string },
): Promise<SessionUser> {
  const { bindingCodeMaxAttempts: points } = await readSettings(deps.prisma, staffSettingsSpec);
  const codeHash = hashBindingCode(code);
  // Only failures count (an office binding its staff from one NAT address is no abuse): per user,
  // per client address and per code tried, so neither many addresses nor many accounts help a guesser.
  const limits = [['bindingCode', `user:${user.id}`, points], ['bindingCodeAddress', clientIp], ['bindingCode', `code:${codeHash}`, points]] as const;
  await deps.rateLimiter.limitFailures(limits, async () => {
    if (await isUserStaff(deps.prisma, user.id)) throw new AppError('CONFLICT', { message: '您的微信已绑定员工账号' });
    const found = await findBindingCode(deps.prisma, codeHash);
    const now = deps.now?.() ?? new Date();
    if (!found || found.usedAt || found.revokedAt || found.expiresAt <= now) throw invalidCode();
    // A disabled account's code answers like an unknown one: nothing tells a guesser that it exists.
    if (found.staffAccount.status !== 'ACTIVE' || found.staffAccount.userId) throw invalidCode();

    await inTransaction(deps.prisma, async (tx) => {
      if (!(await consumeBindingCode(tx, { id: found.id, userId: user.id, now }))) throw invalidCode();
      if (!(await bindAccountToUser(tx, { staffAccountId: found.staffAccountId, userId: user.id, now }))) throw invalidCode();
      await writeAudit(tx, { actorUserId: user.id, actorRole: null, action: 'STAFF_IDENTITY_BOUND', entityType: 'StaffAccount', entityId: found.staffAccountId, requestId });
    });
  });
  const refreshed = await findSessionUser(deps.prisma, user.id);
  if (!refreshed) throw new AppError('UNAUTHENTICATED');
  return refreshed;
}

/**
 * Admin: the account stops working at once. Every session of its WeChat identity is revoked, and
 * authenticate refuses a disabled account's token on every request anyway (so a session created
 * while this ran, or a Redis hiccup during the revocation, still gets nowhere). Disabling an
 * already disabled account changes nothing and writes no second audit row.
 */
export async function disableStaffAccount(
  deps: StaffDeps,
  { admin, staffAccountId, input, requestId }: { admin: SessionUser; staffAccountId: string; input: DisableStaffAccountRequest; requestId: string },
): Promise<StaffAccountView> {
  const identity = await findStaffAccountIdentity(deps.prisma, staffAccountId);
  if (!identity) throw new AppError('NOT_FOUND', { message: '员工账号不存在' });
  const { userId } = identity;
  if (userId === admin.id) throw new AppError('CONFLICT', { message: '不能停用自己的账号' });
  const isAdmin = await holdsAdminRole(deps.prisma, staffAccountId);
  await inTransaction(deps.prisma, async (tx) => {
    // The city must keep someone who can administer it, even when two admins disable each other at once.
    if (isAdmin && (await lockAndCountOtherActiveAdmins(tx, staffAccountId)) === 0) {
      throw new AppError('CONFLICT', { message: '至少需要保留一个在用的管理员账号，不能停用最后一个管理员' });
    }
    if (!(await setStaffAccountStatus(tx, { id: staffAccountId, from: 'ACTIVE', to: 'DISABLED' }))) return;
    await writeAudit(tx, {
      actorUserId: admin.id, actorRole: 'ADMIN', action: 'STAFF_ACCOUNT_DISABLED', entityType: 'StaffAccount', entityId: staffAccountId,
      before: { status: 'ACTIVE' }, after: { status: 'DISABLED' }, reason: input.reason, requestId,
    });
  });
  if (userId) await deps.sessions.revokeAllForUser(userId);
  return reloadAccount(deps, staffAccountId);
}

/** Admin: a disabled account works again (its person signs in anew). */
export async function enableStaffAccount(deps: StaffDeps, { admin, staffAccountId, requestId }: { admin: SessionUser; staffAccountId: string; requestId: string }): Promise<StaffAccountView> {
  if (!(await findStaffAccount(deps.prisma, staffAccountId))) throw new AppError('NOT_FOUND', { message: '员工账号不存在' });
  await inTransaction(deps.prisma, async (tx) => {
    if (!(await setStaffAccountStatus(tx, { id: staffAccountId, from: 'DISABLED', to: 'ACTIVE' }))) return;
    await writeAudit(tx, {
      actorUserId: admin.id, actorRole: 'ADMIN', action: 'STAFF_ACCOUNT_ENABLED', entityType: 'StaffAccount', entityId: staffAccountId,
      before: { status: 'DISABLED' }, after: { status: 'ACTIVE' }, requestId,
    });
  });
  return reloadAccount(deps, staffAccountId);
}

async function reloadAccount(deps: StaffDeps, staffAccountId: string): Promise<StaffAccountView> {
  const account = await findStaffAccount(deps.prisma, staffAccountId);
  if (!account) throw new AppError('NOT_FOUND', { message: '员工账号不存在' });
  return account;
}
