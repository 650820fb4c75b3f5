import type { Prisma, PrismaClient } from '@govpocket/db';
import type { PrivacyConsentKind } from '@govpocket/shared';

type Db = PrismaClient | Prisma.TransactionClient;

export async function findProfileRow(db: Db, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      phoneEncrypted: true,
      isElderMode: true,
      privacyConsents: { where: { withdrawnAt: null }, select: { kind: true, version: true, acceptedAt: true }, orderBy: { acceptedAt: 'desc' } },
    },
  });
}

export async function saveConsent(db: Db, input: { userId: string; kind: PrivacyConsentKind; version: string; at: Date }): Promise<void> {
  await db.privacyConsent.create({ data: { userId: input.userId, kind: input.kind, version: input.version, acceptedAt: input.at } });
}

export async function hasConsent(db: Db, input: { userId: string; kind: PrivacyConsentKind; version: string }): Promise<boolean> {
  return (await db.privacyConsent.count({ where: { ...input, withdrawnAt: null } })) > 0;
}

export async function savePhone(db: Db, input: { userId: string; phoneEncrypted: string; phoneHash: string; at: Date }): Promise<void> {
  await db.user.update({ where: { id: input.userId }, data: { phoneEncrypted: input.phoneEncrypted, phoneHash: input.phoneHash, phoneBoundAt: input.at } });
}

export async function savePreferences(db: Db, input: { userId: string; isElderMode: boolean }): Promise<void> {
  await db.user.update({ where: { id: input.userId }, data: { isElderMode: input.isElderMode } });
}

/** Everything we hold about a resident, for the PIPL export. */
export async function findExportRows(db: Db, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      nickname: true,
      phoneEncrypted: true,
      phoneBoundAt: true,
      isElderMode: true,
      createdAt: true,
      lastLoginAt: true,
      privacyConsents: { select: { kind: true, version: true, acceptedAt: true, withdrawnAt: true } },
      favourites: { select: { createdAt: true, item: { select: { code: true, name: true } } } },
      recentViews: { select: { viewedAt: true, item: { select: { code: true, name: true } } }, take: 200 },
      appointments: { select: { id: true, date: true, status: true, queueNumber: true, createdAt: true, item: { select: { name: true } }, hall: { select: { name: true } } } },
      letters: { select: { id: true, trackingCode: true, type: true, status: true, title: true, body: true, contactPhoneEncrypted: true, submittedAt: true, isPublishAgreed: true, satisfaction: true } },
      opinions: { select: { id: true, body: true, createdAt: true, consultation: { select: { title: true } } } },
      notifications: { select: { title: true, body: true, createdAt: true, readAt: true }, orderBy: { createdAt: 'desc' }, take: 1000 },
      feeOrders: { select: { outTradeNo: true, amountFen: true, status: true, createdAt: true } },
    },
  });
}
