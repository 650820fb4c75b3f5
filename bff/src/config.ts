import { existsSync } from 'node:fs';
import { appMode, developmentModes, parseKeyRing, PersonalDataKeyError, type AppMode, type DatabaseTransport } from '@govpocket/db';
import { z } from 'zod';

/**
 * Every setting the BFF and the worker read, parsed once at boot. A missing or malformed variable
 * stops the process with a message naming it, rather than failing on the first request that needs it.
 *
 * Development defaults (the published personal-data key, file-URL secret, demo WeChat credentials,
 * a root database account) apply only in an explicit development, test or demo mode: APP_MODE, else
 * NODE_ENV. Any other mode, an unset one included, is production, and productionProblems() names
 * every setting that is missing or unsafe there.
 */
const booleanText = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

// Signed file URLs must not be forgeable in production, where this published value would be.
const devFileUrlSecret = 'dev-only-file-url-secret-change-me-in-production';
/** The fake WeChat's default 消息推送 Token, so the demo's pushes verify without setup. */
const devMessagePushToken = 'govpocket-fake-push-token';

const pemText = z.string().transform((value) => value.replace(/\\n/g, '\n'));

/** A comma-separated list (blanks around entries ignored; empty: none), each entry checked by `entry`. */
const commaList = (entry: z.ZodString) =>
  z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item !== ''))
    .pipe(z.array(entry));

const configSchema = z.object({
  /** development | test | demo use development defaults; production (also when unset) refuses them. */
  APP_MODE: z.string().optional(),
  NODE_ENV: z.string().optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^(mysql|mariadb):\/\//, 'must be a mysql:// URL').default('mysql://root@127.0.0.1:3306/govpocket'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a request waits for a pooled connection (also while MySQL is down, before its 503). */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** TLS to MySQL with the server certificate verified; DATABASE_SSL_CA names the CA bundle (implies TLS). */
  DATABASE_SSL: booleanText.default(false),
  DATABASE_SSL_CA: z.string().default(''),
  /** Only for a MySQL 8 caching_sha2_password account without TLS (see docs/deployment.md). */
  DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: booleanText.default(false),
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
  /** The 平台证书 whose serials answers and notifications name (older merchants); several PEMs during a rotation. */
  WECHATPAY_PLATFORM_CERTIFICATE: pemText.default(''),
  /** The 微信支付公钥 and its id `PUB_KEY_ID_…` (newer merchants); several comma-separated ids with as many PEMs during a rotation. */
  WECHATPAY_PUBLIC_KEY_ID: z.union([z.literal(''), z.string().regex(/^PUB_KEY_ID_\w+(\s*,\s*PUB_KEY_ID_\w+)*$/, 'must be PUB_KEY_ID_… (several: comma-separated)')]).default(''),
  WECHATPAY_PUBLIC_KEY: pemText.default(''),
  /** Public base URL of this BFF as WeChat Pay reaches it; the notify routes are appended. */
  WECHATPAY_NOTIFY_BASE: z.string().url().default('http://127.0.0.1:3000'),
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
  /** 消息推送 Token of the mini-program (开发管理 → 消息推送): signs the wxa_media_check pushes. */
  WECHAT_MESSAGE_PUSH_TOKEN: z.string().min(3).max(32).default(devMessagePushToken),
  /**
   * Public origin of this BFF that WeChat's servers can reach, for the signed image URLs sent to
   * media_check_async (e.g. https://api.example.gov.cn). Empty: FILE_URL_BASE; if that is empty too,
   * images are not sent for checking and stay PENDING (never shown publicly).
   */
  MEDIA_CHECK_FILE_BASE: z.union([z.literal(''), z.string().url()]).default(''),
  /** How long a signed URL handed to the media check stays valid (WeChat fetches within 30 minutes). */
  MEDIA_CHECK_URL_TTL_SECONDS: z.coerce.number().int().min(30 * 60).max(7 * 24 * 3600).default(24 * 3600),
}).superRefine((config, issues) => {
  if (config.DATABASE_SSL_CA !== '' && !existsSync(config.DATABASE_SSL_CA)) {
    issues.addIssue({ code: 'custom', path: ['DATABASE_SSL_CA'], message: `no file at ${config.DATABASE_SSL_CA}` });
  }
});

export type Config = z.infer<typeof configSchema> & { mode: AppMode };

/**
 * Credentials published in this repository: the development defaults above and those of the fake
 * WeChat the demo and the tests run against (fake-wechat/src/options.ts; tests/bff/config.test.ts
 * keeps the two lists in step). None of them may reach production.
 */
export const demoCredentials = {
  appids: ['wx_demo_govpocket', 'wx5f4c0d1e2a3b4c5d'],
  secrets: ['demo-secret', 'a3f1c2d4e5b6978812ab34cd56ef7890'],
  mchids: ['1900000109'],
};

function isLocalUrl(text: string): boolean {
  const host = new URL(text).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127\./.test(host);
}

/**
 * Every missing or unsafe setting for production, each as `NAME: why`. `env` is what the process
 * was given (before defaults): a setting left to its development default counts as missing.
 */
export function productionProblems(env: Record<string, string | undefined>, config: z.infer<typeof configSchema>): string[] {
  const problems: string[] = [];
  const given = (name: string): string => (env[name] ?? '').trim();
  try {
    if (parseKeyRing({ ...env, APP_MODE: 'production' }).isDevelopmentKey) problems.push('DATA_ENCRYPTION_KEYS: the published development key must not encrypt personal data in production');
  } catch (error) {
    if (!(error instanceof PersonalDataKeyError)) throw error;
    problems.push(error.message);
  }
  if (given('FILE_URL_SECRET') === '' || config.FILE_URL_SECRET === devFileUrlSecret) problems.push('FILE_URL_SECRET: must be set in production (at least 32 characters; the development secret is published)');
  if (given('WECHAT_APPID') === '' || demoCredentials.appids.includes(config.WECHAT_APPID)) problems.push('WECHAT_APPID: must be the mini-program\'s AppID in production, not the demo one');
  if (given('WECHAT_SECRET') === '' || demoCredentials.secrets.includes(config.WECHAT_SECRET)) problems.push('WECHAT_SECRET: must be the mini-program\'s AppSecret in production, not the demo one');
  if (given('WECHAT_MESSAGE_PUSH_TOKEN') === '' || config.WECHAT_MESSAGE_PUSH_TOKEN === devMessagePushToken) problems.push('WECHAT_MESSAGE_PUSH_TOKEN: must be set in production (the token of 消息推送 in the mini-program console; image check verdicts are verified with it)');
  if (given('DATABASE_URL') === '') problems.push('DATABASE_URL: must be set in production (the default is the local development database)');
  else {
    const database = new URL(config.DATABASE_URL);
    if (database.password === '') problems.push('DATABASE_URL: an account without a password is a development credential; use the app user\'s');
  }
  for (const name of ['WECHAT_API_BASE', 'WECHATPAY_API_BASE'] as const) {
    if (isLocalUrl(config[name])) problems.push(`${name}: points at this machine (${config[name]}); production talks to WeChat itself`);
    else if (!config[name].startsWith('https://')) problems.push(`${name}: must be an https:// URL in production`);
  }
  const pay = {
    WECHATPAY_MCHID: config.WECHATPAY_MCHID,
    WECHATPAY_MERCHANT_PRIVATE_KEY: config.WECHATPAY_MERCHANT_PRIVATE_KEY,
    WECHATPAY_MERCHANT_CERTIFICATE: config.WECHATPAY_MERCHANT_CERTIFICATE,
    WECHATPAY_APIV3_KEY: config.WECHATPAY_APIV3_KEY,
  };
  const verification = config.WECHATPAY_PLATFORM_CERTIFICATE !== '' || (config.WECHATPAY_PUBLIC_KEY_ID !== '' && config.WECHATPAY_PUBLIC_KEY !== '');
  const anyPay = Object.values(pay).some((value) => value !== '') || config.WECHATPAY_PLATFORM_CERTIFICATE !== '' || config.WECHATPAY_PUBLIC_KEY !== '' || config.WECHATPAY_PUBLIC_KEY_ID !== '';
  // Online payment is optional; but a merchant half configured would fail at the first payment.
  if (anyPay) {
    if (demoCredentials.mchids.includes(config.WECHATPAY_MCHID)) problems.push(`WECHATPAY_MCHID: ${config.WECHATPAY_MCHID} is the fake WeChat Pay's demo merchant`);
    for (const [name, value] of Object.entries(pay)) if (value === '') problems.push(`${name}: missing while other WeChat Pay merchant settings are set`);
    if (!verification) problems.push('WECHATPAY_PLATFORM_CERTIFICATE or WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY: missing while other WeChat Pay merchant settings are set (notifications could not be verified)');
    if (given('WECHATPAY_NOTIFY_BASE') === '' || isLocalUrl(config.WECHATPAY_NOTIFY_BASE)) problems.push(`WECHATPAY_NOTIFY_BASE: must be the public https:// origin WeChat Pay posts to (got ${config.WECHATPAY_NOTIFY_BASE})`);
    else if (!config.WECHATPAY_NOTIFY_BASE.startsWith('https://')) problems.push('WECHATPAY_NOTIFY_BASE: must be an https:// URL in production');
  }
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The connection settings of every MySQL client a process opens (primary and replicas). */
export function databasePool(
  config: Pick<Config, 'DATABASE_POOL_SIZE' | 'DATABASE_ACQUIRE_TIMEOUT_MS' | 'DATABASE_SSL' | 'DATABASE_SSL_CA' | 'DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL'>,
): { connectionLimit: number; acquireTimeoutMs: number; transport: DatabaseTransport } {
  return {
    connectionLimit: config.DATABASE_POOL_SIZE,
    acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
    transport: { ssl: config.DATABASE_SSL || config.DATABASE_SSL_CA !== '', caPath: config.DATABASE_SSL_CA || null, allowPublicKeyRetrieval: config.DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL },
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const mode = appMode(env);
  if (mode === undefined) {
    problems.unshift(`APP_MODE: ${env.APP_MODE ? `${env.APP_MODE} is no mode` : `NODE_ENV=${env.NODE_ENV ?? ''} names no mode`}; use one of development, test, demo (development defaults) or production`);
  } else if (!developmentModes.includes(mode) && parsed.success) {
    problems.push(...productionProblems(env, parsed.data));
  } else if (developmentModes.includes(mode)) {
    // The ring itself must still be well formed when one is given.
    try {
      parseKeyRing(env);
    } catch (error) {
      if (!(error instanceof PersonalDataKeyError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0 || !parsed.success || mode === undefined) throw new ConfigError(problems);
  return { ...parsed.data, mode };
}
