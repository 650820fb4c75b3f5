import type { PrismaClient } from '@govpocket/db';
import type { SessionUser } from '@govpocket/shared';

/** Users and their staff roles, as the session needs them. */
export async function upsertUserByOpenid(prisma: PrismaClient, { openid, unionid }: { openid: string; unionid: string | null }): Promise<{ id: string; deletedAt: Date | null }> {
  return prisma.user.upsert({
    where: { openid },
    create: { openid, unionid, lastLoginAt: new Date() },
    update: { lastLoginAt: new Date(), ...(unionid ? { unionid } : {}) },
    select: { id: true, deletedAt: true },
  });
}

export async function findSessionUser(prisma: PrismaClient, userId: string): Promise<SessionUser | null> {
  return (await findSessionIdentity(prisma, userId))?.user ?? null;
}

/** The session user, and whether their staff account is disabled (which ends every session of theirs). */
export async function findSessionIdentity(prisma: PrismaClient, userId: string): Promise<{ user: SessionUser; staffDisabled: boolean; staffSince: Date | null } | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      nickname: true,
      phoneHash: true,
      deletedAt: true,
      staffAccount: {
        select: {
          status: true,
          boundAt: true,
          roleAssignments: {
            select: { role: true, scope: true, hallId: true, departmentId: true, hall: { select: { name: true } }, department: { select: { name: true } } },
            orderBy: { createdAt: 'asc' },
          },
        },
      },
    },
  });
  if (!user || user.deletedAt) return null;
  const staff = user.staffAccount?.status === 'ACTIVE' ? user.staffAccount : null;
  return {
    staffDisabled: user.staffAccount?.status === 'DISABLED',
    staffSince: staff?.boundAt ?? null,
    user: {
      id: user.id,
      nickname: user.nickname,
      hasPhone: user.phoneHash !== null,
      roles: (staff?.roleAssignments ?? []).map((assignment) => ({
        role: assignment.role,
        scopeType: assignment.scope,
        scopeId: assignment.hallId ?? assignment.departmentId ?? null,
        scopeName: assignment.hall?.name ?? assignment.department?.name ?? null,
      })),
    },
  };
}
