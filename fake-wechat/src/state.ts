import type { ResponseSerialMode, SensitiveWords } from './options';

/**
 * Everything the fake remembers, as plain typed records tests can read (`fake.state`). Times are
 * epoch milliseconds of the fake clock. `reset()` empties the collections in place, so a reference
 * taken before a reset stays valid.
 */
export type WxUser = { openid: string; unionid?: string; phone?: string; isHighRisk: boolean; sessionKey?: string };

export type OneTimeCode = { code: string; openid: string; issuedAt: number; usedAt?: number };
export type PhoneCode = OneTimeCode & { phone: string };

export type AccessTokenRecord = {
  token: string;
  kind: 'classic' | 'stable';
  issuedAt: number;
  expiresAt: number;
  /** Set when a newer token superseded this one: usable until then (5-minute grace, or 0 for a forced stable refresh). */
  invalidAfter?: number;
};

export type SubscribeAcceptance = { openid: string; templateId: string; remaining: number; isLongTerm: boolean };

export type SubscribeAttempt = {
  at: number;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState?: string;
  lang?: string;
  errcode: number;
  errmsg: string;
  msgid?: number;
};

export type Suggest = 'pass' | 'review' | 'risky';
export type Verdict = { suggest: Suggest; label: number };

export type ContentCheckRecord = { at: number; traceId: string; openid: string; scene: number; content: string; verdict: Verdict; keyword?: string };
/** What the fake got when it downloaded the media, as WeChat does before judging it. */
export type MediaFetch = { status: number; contentType: string; bytes: number; sha256: string } | { error: string };

export type MediaCheckRecord = {
  at: number;
  traceId: string;
  openid: string;
  scene: number;
  mediaUrl: string;
  mediaType: number;
  /** Set once the media was downloaded (or failed to be). */
  fetch?: MediaFetch;
  /** Decided after the download; a failed download is reported with errcode -1 and `review`. */
  verdict?: Verdict;
  /** Whether the event waits for `control.pushMediaVerdict` (hold mode) instead of going out on its own. */
  isHeld: boolean;
  deliveryId?: string;
};

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND' | 'PAYERROR';

export type PayOrder = {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  attach?: string;
  notifyUrl: string;
  timeExpire?: string;
  total: number;
  currency: string;
  payerOpenid: string;
  prepayId: string;
  /** Canonical JSON of the order request: a repeat with identical parameters gets the same prepay_id. */
  requestFingerprint: string;
  createdAt: number;
  tradeState: TradeState;
  transactionId?: string;
  successAt?: number;
  closedAt?: number;
};

export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

export type PayRefund = {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  reason?: string;
  notifyUrl?: string;
  refund: number;
  total: number;
  currency: string;
  requestFingerprint: string;
  createdAt: number;
  status: RefundStatus;
  successAt?: number;
};

export type DeliveryAttempt = { at: number; status?: number; error?: string };

/** One outbound push (payment notification or message-push event) and every try to deliver it. */
export type DeliveryRecord = {
  id: string;
  kind: 'pay-notification' | 'media-check-event';
  /** out_trade_no, out_refund_no or trace_id: what the push is about. */
  subject: string;
  eventType: string;
  url: string;
  body: string;
  attempts: DeliveryAttempt[];
  status: 'pending' | 'acknowledged' | 'failed';
};

export type OutageMode = 'none' | 'errcode-1' | 'http-503' | 'connection-reset';
export type OutageScope = 'all' | 'mini-program' | 'pay';

export type FakeSettings = {
  outage: { mode: OutageMode; scope: OutageScope };
  sensitiveWords: SensitiveWords;
  /**
   * Verdicts of wxa_media_check events, keyed by what they match: the whole media_url, its path
   * (`/files/abc`, for URLs that carry a changing signature) or the sha256 (hex) of the downloaded
   * bytes. Unlisted media pass.
   */
  mediaVerdicts: Map<string, Verdict>;
  /** When true, verdicts wait for `control.pushMediaVerdict(traceId)` (a check that is slow to come back). */
  holdMediaVerdicts: boolean;
  /**
   * Pages of the released mini-program (no leading slash); subscribe/send answers 41030 for a page
   * not among them. Undefined: every page is accepted.
   */
  pages: string[] | undefined;
  messagePushUrl: string | undefined;
  responseSerial: ResponseSerialMode;
  /** Delay before accepted refunds turn SUCCESS on their own; null = only via the control API. */
  refundSettleDelayMs: number | null;
};

export type FakeWechatState = {
  users: Map<string, WxUser>;
  loginCodes: Map<string, OneTimeCode>;
  phoneCodes: Map<string, PhoneCode>;
  accessTokens: Map<string, AccessTokenRecord>;
  currentTokens: { classic?: string; stable?: string };
  /** Fake-clock times of stable_token force refreshes, for the 30 s / 20 per day limits. */
  forcedStableRefreshes: number[];
  templates: Map<string, readonly string[]>;
  /** Keyed by `${openid} ${templateId}`. */
  acceptances: Map<string, SubscribeAcceptance>;
  subscribeAttempts: SubscribeAttempt[];
  contentChecks: ContentCheckRecord[];
  mediaChecks: MediaCheckRecord[];
  orders: Map<string, PayOrder>;
  /** Keyed by out_refund_no. */
  refunds: Map<string, PayRefund>;
  deliveries: DeliveryRecord[];
  settings: FakeSettings;
};

export function createEmptyState(settings: FakeSettings): FakeWechatState {
  return {
    users: new Map(),
    loginCodes: new Map(),
    phoneCodes: new Map(),
    accessTokens: new Map(),
    currentTokens: {},
    forcedStableRefreshes: [],
    templates: new Map(),
    acceptances: new Map(),
    subscribeAttempts: [],
    contentChecks: [],
    mediaChecks: [],
    orders: new Map(),
    refunds: new Map(),
    deliveries: [],
    settings,
  };
}

/** Empties every collection in place and installs fresh settings. */
export function clearState(state: FakeWechatState, settings: FakeSettings): void {
  for (const collection of [state.users, state.loginCodes, state.phoneCodes, state.accessTokens, state.templates, state.acceptances, state.orders, state.refunds]) {
    collection.clear();
  }
  for (const list of [state.forcedStableRefreshes, state.subscribeAttempts, state.contentChecks, state.mediaChecks, state.deliveries]) {
    list.length = 0;
  }
  state.currentTokens.classic = undefined;
  state.currentTokens.stable = undefined;
  state.settings = settings;
}

export const acceptanceKey = (openid: string, templateId: string): string => `${openid} ${templateId}`;
