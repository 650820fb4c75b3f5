/** How a test or the demo shapes the fake. Every field has a default that suits the demo. */
export type SensitiveWords = {
  /** Words that make msg_sec_check answer `risky`. */
  risky: string[];
  /** Words that make it answer `review`. */
  review: string[];
  /** Label per word (20001 politics, 20003 abuse, 20006 crime, 20008 fraud, 10001 ads …); default 21000 "other". */
  labels?: Record<string, number>;
};

export type ResponseSerialMode = 'public-key-id' | 'certificate';

export type FakeWechatOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appid?: string;
  secret?: string;
  mchid?: string;
  /**
   * Delays between notification attempts. Production WeChat waits 15s, 15s, 30s, 3m, 10m, 20m,
   * 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h; the default compresses that for the demo.
   */
  notifyRetryDelaysMs?: number[];
  /** templateId → data keys, e.g. `{ TPL: ['thing1', 'time2'] }`; replaces the built-in demo templates. */
  subscribeTemplates?: Record<string, string[]>;
  sensitiveWords?: SensitiveWords;
  /** Refunds turn SUCCESS this long after they are accepted; `null` leaves it to the control API. */
  refundSettleDelayMs?: number | null;
  /** Delay before the wxa_media_check event is pushed. */
  mediaCheckDelayMs?: number;
  /** The mini-program's 消息推送 URL, where wxa_media_check events go. */
  messagePushUrl?: string;
  /** The 消息推送 Token the push signature (`signature`, `timestamp`, `nonce` query) is made with. */
  messagePushToken?: string;
  /** The mini-program's original id (gh_…), the ToUserName of pushed events. */
  originalId?: string;
  /** Which serial the fake announces in Wechatpay-Serial. */
  responseSerial?: ResponseSerialMode;
  /** Pages of the released mini-program; when given, subscribe/send rejects other pages with 41030 (control: setPages). */
  pages?: string[];
  /** Start of fake time (default: now). */
  startTime?: Date | number;
  /**
   * Browser origins the control API answers (the H5 demo's own, e.g. `http://127.0.0.1:10086`).
   * Default: loopback origins only (`http://127.0.0.1:*`, `http://localhost:*`, `http://[::1]:*`).
   * Calls without an Origin (tests, scripts) are always answered.
   */
  controlOrigins?: string[];
};

export type ResolvedOptions = Required<Omit<FakeWechatOptions, 'messagePushUrl' | 'pages' | 'startTime' | 'refundSettleDelayMs' | 'controlOrigins'>> & {
  controlOrigins: string[] | undefined;
  messagePushUrl: string | undefined;
  pages: string[] | undefined;
  startTime: Date | number | undefined;
  refundSettleDelayMs: number | null;
};

/**
 * Demo templates named after the notifications of the domain. Ids are readable rather than the
 * 43-character ids of production so that logs and configs stay legible.
 */
export const defaultSubscribeTemplates: Record<string, string[]> = {
  TPL_BOOKING_CONFIRMED: ['thing1', 'time2', 'thing3', 'character_string4', 'thing5'],
  TPL_BOOKING_REMINDER: ['thing1', 'time2', 'thing3', 'thing4'],
  TPL_BOOKING_CANCELLED: ['thing1', 'time2', 'thing3'],
  TPL_PRE_REVIEW_RESULT: ['thing1', 'phrase2', 'thing3', 'time4'],
  TPL_FEE_ORDER_ISSUED: ['thing1', 'amount2', 'character_string3', 'time4'],
  TPL_PAYMENT_RESULT: ['thing1', 'amount2', 'phrase3', 'time4'],
  TPL_LETTER_REPLIED: ['thing1', 'phrase2', 'time3', 'thing4'],
};

export const defaultSensitiveWords: SensitiveWords = {
  risky: ['赌博', '代开发票', '办假证', '傻逼'],
  review: ['加微信', '转账到'],
  labels: { 赌博: 20006, 代开发票: 20008, 办假证: 20006, 傻逼: 20003, 加微信: 10001, 转账到: 20008 },
};

export function resolveOptions(options: FakeWechatOptions = {}): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    appid: options.appid ?? 'wx5f4c0d1e2a3b4c5d',
    secret: options.secret ?? 'a3f1c2d4e5b6978812ab34cd56ef7890',
    mchid: options.mchid ?? '1900000109',
    notifyRetryDelaysMs: options.notifyRetryDelaysMs ?? [1000, 5000, 15000, 30000, 60000, 180000],
    subscribeTemplates: options.subscribeTemplates ?? defaultSubscribeTemplates,
    sensitiveWords: options.sensitiveWords ?? defaultSensitiveWords,
    refundSettleDelayMs: options.refundSettleDelayMs === undefined ? 1000 : options.refundSettleDelayMs,
    mediaCheckDelayMs: options.mediaCheckDelayMs ?? 200,
    messagePushUrl: options.messagePushUrl,
    messagePushToken: options.messagePushToken ?? 'govpocket-fake-push-token',
    originalId: options.originalId ?? 'gh_9d2f0a1b3c4e',
    responseSerial: options.responseSerial ?? 'public-key-id',
    pages: options.pages,
    startTime: options.startTime,
    controlOrigins: options.controlOrigins,
  };
}
