import type Redis from 'ioredis';
import type { PrismaClient } from '@govpocket/db';
import type { Config } from '../../config';
import { readPayMerchant, type PayMerchant } from './merchant';
import { createNotificationVerifier, type NotificationVerifier } from './notification-verifier';
import { createPayGateway, type PayGateway } from './pay-gateway';

/** What the payment services need, built once per app or worker. */
export type PaymentDeps = {
  prisma: PrismaClient;
  /** null when WeChat Pay is not configured: orders can be issued and listed, not paid. */
  pay: { merchant: PayMerchant; gateway: PayGateway; verify: NotificationVerifier } | null;
  /** Business time (order expiry, receipts); signature freshness always uses the system clock. */
  now: () => Date;
};

export function createPaymentDeps({ config, prisma, redis, now = () => new Date() }: { config: Config; prisma: PrismaClient; redis: Redis; now?: () => Date }): PaymentDeps {
  const merchant = readPayMerchant(config);
  const pay = merchant
    ? { merchant, gateway: createPayGateway(merchant), verify: createNotificationVerifier({ merchant, redis, keyPrefix: config.REDIS_KEY_PREFIX }) }
    : null;
  return { prisma, pay, now };
}
