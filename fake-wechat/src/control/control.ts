import { findDemoPersona } from '@govpocket/shared';
import type { MerchantCredentials, PlatformKeys } from '../crypto/key-material';
import { initialSettings, seedState, type FakeContext } from '../fake-context';
import type { SensitiveWords, ResponseSerialMode } from '../options';
import { mintPhoneCode } from '../mini-program/phone-number';
import { ensureUser, mintLoginCode } from '../mini-program/session';
import { releaseMediaVerdict } from '../mini-program/media-check';
import { acceptSubscription, revokeSubscription, sentSubscribeMessages } from '../mini-program/subscribe-message';
import { settleRefund } from '../pay/refunds';
import { settleOrder } from '../pay/transactions';
import {
  clearState,
  type ContentCheckRecord,
  type DeliveryRecord,
  type MediaCheckRecord,
  type OutageMode,
  type OutageScope,
  type PayOrder,
  type PayRefund,
  type SubscribeAcceptance,
  type SubscribeAttempt,
  type Verdict,
  type WxUser,
} from '../state';
import { ControlError } from './control-error';

/** Someone to act as: an openid, or the key of a demo persona from @govpocket/shared. */
export type UserRef = { openid?: string; personaKey?: string };

/** What the BFF must be configured with to talk to this fake (GET /__control/keys). */
export type PublishedKeys = {
  appid: string;
  secret: string;
  mchid: string;
  apiV3Key: string;
  merchant: Omit<MerchantCredentials, 'mchid' | 'apiV3Key'>;
  platform: PlatformKeys;
  messagePushToken: string;
  originalId: string;
};

export function resolveOpenid(ref: string | UserRef): string {
  if (typeof ref === 'string') return ref;
  if (ref.openid) return ref.openid;
  if (ref.personaKey) {
    const persona = findDemoPersona(ref.personaKey);
    if (!persona) throw new ControlError(404, 'UNKNOWN_PERSONA', `no demo persona ${ref.personaKey}`);
    return persona.openid;
  }
  throw new ControlError(400, 'MISSING_USER', 'openid or personaKey is required');
}

/** The in-process twin of the HTTP control API, for tests that need no HTTP for their setup. */
export function createControl(fake: FakeContext) {
  return {
    /** A wx.login code for the user (single use, 5 minutes). */
    mintLoginCode: (user: string | UserRef): { code: string; openid: string } => {
      const openid = resolveOpenid(user);
      return { code: mintLoginCode(fake, openid), openid };
    },
    /** A getPhoneNumber code; the phone defaults to the persona's, else a generated 138… number. */
    mintPhoneCode: (user: string | UserRef, phone?: string): { code: string; phone: string } => mintPhoneCode(fake, resolveOpenid(user), phone),
    upsertUser: (input: { openid: string; unionid?: string; phone?: string; isHighRisk?: boolean }): WxUser => {
      const user = ensureUser(fake, input.openid);
      if (input.unionid !== undefined) user.unionid = input.unionid;
      if (input.phone !== undefined) user.phone = input.phone;
      if (input.isHighRisk !== undefined) user.isHighRisk = input.isHighRisk;
      return user;
    },
    defineTemplate: (templateId: string, keys: string[]): void => {
      fake.state.templates.set(templateId, [...keys]);
    },
    acceptSubscription: (input: { openid: string; templateId: string; count?: number; longTerm?: boolean }): SubscribeAcceptance =>
      acceptSubscription(fake, { openid: input.openid, templateId: input.templateId, count: input.count, isLongTerm: input.longTerm }),
    revokeSubscription: (openid: string, templateId: string): void => revokeSubscription(fake, openid, templateId),
    subscribeMessages: (openid?: string): SubscribeAttempt[] => sentSubscribeMessages(fake, openid),
    settleOrder: (outTradeNo: string, result?: 'SUCCESS' | 'PAYERROR'): PayOrder => settleOrder(fake, { outTradeNo, result }),
    settleRefund: (outRefundNo: string, status?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL'): PayRefund => settleRefund(fake, { outRefundNo, status }),
    orders: (): PayOrder[] => [...fake.state.orders.values()],
    refunds: (): PayRefund[] => [...fake.state.refunds.values()],
    deliveries: (): DeliveryRecord[] => [...fake.state.deliveries],
    contentChecks: (): { contentChecks: ContentCheckRecord[]; mediaChecks: MediaCheckRecord[] } => ({
      contentChecks: [...fake.state.contentChecks],
      mediaChecks: [...fake.state.mediaChecks],
    }),
    keys: (): PublishedKeys => {
      const { mchid: _mchid, apiV3Key, ...merchant } = fake.keys.merchant;
      const { appid, secret, mchid, messagePushToken, originalId } = fake.options;
      return { appid, secret, mchid, apiV3Key, merchant, platform: fake.keys.platform, messagePushToken, originalId };
    },
    setOutage: (mode: OutageMode, scope: OutageScope = 'all'): void => {
      fake.state.settings.outage = { mode, scope };
    },
    setSensitiveWords: (words: Partial<SensitiveWords>): SensitiveWords => {
      const current = fake.state.settings.sensitiveWords;
      fake.state.settings.sensitiveWords = { risky: words.risky ?? current.risky, review: words.review ?? current.review, labels: { ...current.labels, ...words.labels } };
      return fake.state.settings.sensitiveWords;
    },
    /** The verdict for media matching `match`: a whole media_url, a URL path (`/files/abc`) or the sha256 (hex) of the bytes. */
    setMediaVerdict: (match: string, verdict: Verdict): void => {
      fake.state.settings.mediaVerdicts.set(match, verdict);
    },
    /** Hold: media-check events wait for pushMediaVerdict; off: they go out on their own (held ones stay held). */
    holdMediaVerdicts: (hold: boolean): void => {
      fake.state.settings.holdMediaVerdicts = hold;
    },
    /** Pushes the event of a held media check now, with `verdict` or the one it was judged to have. */
    pushMediaVerdict: (traceId: string, verdict?: Verdict): Promise<MediaCheckRecord> => releaseMediaVerdict(fake, traceId, verdict),
    /** Pages of the released mini-program (subscribe/send answers 41030 for others); undefined accepts every page. */
    setPages: (pages: string[] | undefined): void => {
      fake.state.settings.pages = pages?.map((page) => page.replace(/^\//, ''));
    },
    setMessagePushUrl: (url: string | undefined): void => {
      fake.state.settings.messagePushUrl = url;
    },
    setResponseSerial: (mode: ResponseSerialMode): void => {
      fake.state.settings.responseSerial = mode;
    },
    /** Refunds accepted from now on settle after `delayMs`; null leaves them PROCESSING until settleRefund. */
    setRefundSettleDelay: (delayMs: number | null): void => {
      fake.state.settings.refundSettleDelayMs = delayMs;
    },
    /** Moves fake time forward; returns the new fake now (epoch ms). */
    advanceClock: (seconds: number): number => {
      fake.clock.advance(seconds);
      return fake.clock.now();
    },
    /** Resolves when no notification, refund settlement or push is pending (scheduled retries included). */
    idle: (): Promise<void> => fake.scheduler.idle(),
    /** Forgets users, codes, tokens, orders and deliveries; keys and the port stay. */
    reset: (): void => {
      fake.scheduler.cancelAll();
      fake.clock.reset();
      clearState(fake.state, initialSettings(fake.options));
      seedState(fake);
    },
  };
}

export type FakeWechatControl = ReturnType<typeof createControl>;
