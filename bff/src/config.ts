import { z } from 'zod';

/**
 * Every setting the BFF reads, parsed once at boot. A missing or malformed variable stops the
 * process with a message naming it, rather than failing on the first request that needs it.
 */
const booleanText = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

// Signed file URLs must not be forgeable in production, where this published value would be.
const devFileUrlSecret = 'dev-only-file-url-secret-change-me-in-production';

const pemText = z.string().transform((value) => value.replace(/\\n/g, '\n'));

/** A comma-separated list (blanks around entries ignored; empty: none), each entry checked by `entry`. */
const commaList = (entry: z.ZodString) =>
  z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item !== ''))
    .pipe(z.array(entry));

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^(mysql|mariadb):\/\//, 'must be a mysql:// URL').default('mysql://root@127.0.0.1:3306/govpocket'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a request waits for a pooled connection (also while MySQL is down, before its 503). */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Read replicas for list endpoints, comma-separated mysql:// URLs; empty: the primary serves them. */
  DATABASE_REPLICA_URLS: commaList(z.string().regex(/^(mysql|mariadb):\/\//, 'must be mysql:// URLs separated by commas')),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  /**
   * Redis Sentinel, comma-separated host:port of the sentinels; empty: REDIS_URL's host is the
   * server. With sentinels, REDIS_URL still gives the password and db number.
   */
  REDIS_SENTINELS: commaList(z.string().regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port pairs separated by commas')),
  /** The master name the sentinels monitor (`sentinel monitor <name> …`). */
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  /** The sentinels' own password (`requirepass` in sentinel.conf), if they have one. */
  REDIS_SENTINEL_PASSWORD: z.string().default(''),
  REDIS_KEY_PREFIX: z.string().default('gp:'),
  /** The browser origin of the H5 demo; CORS answers this origin only. */
  H5_ORIGIN: z.string().url().default('http://127.0.0.1:10086'),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'must look like 256kb or 1mb').default('256kb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  TRUST_PROXY: booleanText.default(false),
  /**
   * With TRUST_PROXY: how many proxies in front of the BFF append to X-Forwarded-For (nginx alone: 1).
   * The client address is the entry that many places from the right; entries further left are
   * whatever the client sent and are never trusted, so a forged header cannot dodge per-IP limits.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** wx.login attempts per client address per minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Idle timeout: a session unused this long ends (every use extends it). */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 24 * 3600),
  /** Absolute lifetime of a resident's session, however active: then they sign in again. */
  SESSION_MAX_AGE_RESIDENT_SECONDS: z.coerce.number().int().min(1).default(30 * 24 * 3600),
  /** Absolute lifetime of a staff member's session (a work shift and some). */
  SESSION_MAX_AGE_STAFF_SECONDS: z.coerce.number().int().min(1).default(12 * 3600),
  /** Version of the 隐私保护指引 residents must have agreed to before phone or image use. */
  PRIVACY_POLICY_VERSION: z.string().min(1).max(16).default('2026.11'),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().min(1).default('wx_demo_govpocket'),
  WECHAT_SECRET: z.string().min(1).default('demo-secret'),
  WECHATPAY_API_BASE: z.string().url().default('https://api.mch.weixin.qq.com'),
  /**
   * WeChat Pay merchant (直连商户). Online payment is on when mchid, merchant key and certificate,
   * APIv3 key and at least one verification key are set; PEMs may use literal `\n` for line breaks.
   */
  WECHATPAY_MCHID: z.string().default(''),
  WECHATPAY_MERCHANT_PRIVATE_KEY: pemText.default(''),
  WECHATPAY_MERCHANT_CERTIFICATE: pemText.default(''),
  WECHATPAY_APIV3_KEY: z.union([z.literal(''), z.string().length(32, 'must be the 32-character APIv3 key')]).default(''),
  /** The 平台证书 whose serial notifications name (older merchants). */
  WECHATPAY_PLATFORM_CERTIFICATE: pemText.default(''),
  /** The 微信支付公钥 and its id `PUB_KEY_ID_…` (newer merchants). */
  WECHATPAY_PUBLIC_KEY_ID: z.union([z.literal(''), z.string().regex(/^PUB_KEY_ID_\w+$/, 'must start with PUB_KEY_ID_')]).default(''),
  WECHATPAY_PUBLIC_KEY: pemText.default(''),
  /** Public base URL of this BFF as WeChat Pay reaches it; the notify routes are appended. */
  WECHATPAY_NOTIFY_BASE: z.string().url().default('http://127.0.0.1:3000'),
  /** An unpaid fee order closes (here and at WeChat Pay) this long after it was issued. */
  FEE_ORDER_EXPIRY_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(30),
  /** Notification worker (bff/src/worker.ts): BullMQ jobs one process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Port of the worker process's own /metrics (job counters); 0 serves none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  /** How often an outbox drain is scheduled, once across the fleet per tick. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(2000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  /** Parallel WeChat calls of one drain. */
  OUTBOX_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Attempts of a retryable failure (network, 5xx, -1) before the row is FAILED. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(10).default(10 * 60 * 1000),
  /** A claimed row waiting in a worker's batch goes back to the pool after this long. */
  OUTBOX_CLAIM_TTL_MS: z.coerce.number().int().min(500).default(60_000),
  /** A row whose WeChat call outlives this (worker died) is FAILED as uncertain, never resent. */
  OUTBOX_SEND_TTL_MS: z.coerce.number().int().min(500).default(60_000),
  OUTBOX_DRAIN_BUDGET_MS: z.coerce.number().int().min(100).default(15_000),
  /** miniprogram_state of subscribe messages: which build a tap on the message opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** Uploaded images on local disk, relative to the working directory (git-ignored under .data/). */
  FILE_STORAGE_DIR: z.string().min(1).default('.data/uploads'),
  /** HMAC key of signed file URLs: whoever holds it can mint a URL to any upload. */
  FILE_URL_SECRET: z.string().min(32, 'must be at least 32 characters').default(devFileUrlSecret),
  FILE_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
  /** Prefix of signed file URLs; empty means relative to the BFF, which clients prefix with their API base. */
  FILE_URL_BASE: z.union([z.literal(''), z.string().url()]).default(''),
  IMAGE_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  /** Decoded pixels allowed per image: covers 48 MP phone photos, refuses decompression bombs. */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  IMAGE_MAX_PIXELS: z.coerce.number().int().min(1).default(50_000_000),
}).superRefine((config, issues) => {
  if (config.NODE_ENV === 'production' && config.FILE_URL_SECRET === devFileUrlSecret) {
    issues.addIssue({ code: 'custom', path: ['FILE_URL_SECRET'], message: 'must be set in production' });
  }
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The connection pool settings of every MySQL client a process opens (primary and replicas). */
export function databasePool(config: Pick<Config, 'DATABASE_POOL_SIZE' | 'DATABASE_ACQUIRE_TIMEOUT_MS'>): { connectionLimit: number; acquireTimeoutMs: number } {
  return { connectionLimit: config.DATABASE_POOL_SIZE, acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}
