import bodyParser from '@koa/bodyparser';
import { Queue } from 'bullmq';
import cors from '@koa/cors';
import type Redis from 'ioredis';
import Koa from 'koa';
import { databasePoolStats, type ListReads, type PrismaClient } from '@govpocket/db';
import type { Config } from './config';
import { auditRoutes } from './modules/audit/routes';
import { authenticate } from './modules/auth/authenticate';
import { authRoutes } from './modules/auth/routes';
import { createSessionStore } from './modules/auth/session-store';
import { createFiles, filesRoutes } from './modules/files';
import { bookingRouters, createBookingDeps } from './modules/booking';
import { createMailboxDeps, mailboxRouters } from './modules/mailbox';
import { consultationRouters } from './modules/consultation';
import { createPaymentDeps, hallCancelRefunds, keepRawPayNotifications, paymentRouters, warnExpiringCertificates } from './modules/payment';
import { calendarRoutes } from './modules/calendar/routes';
import { createCalendarService } from './modules/calendar/service';
import { createGuideCache, type GuideCache } from './modules/guide/guide-cache';
import { guideAdminRoutes } from './modules/guide/admin-routes';
import { guideErrorReportRoutes } from './modules/guide/error-report-routes';
import { guideRoutes } from './modules/guide/routes';
import { homeRoutes } from './modules/home/routes';
import { createConfiguredMediaChecks, keepRawMessagePush, messagePushRoutes } from './modules/content-safety';
import { loadDefaultWordFilter } from './modules/content-safety/word-filter';
import { createGuideSearch } from './modules/guide/service';
import { healthRoutes } from './modules/health/routes';
import { notificationRoutes } from './modules/notification/routes';
import { meRoutes } from './modules/me/routes';
import { staffRoutes } from './modules/staff/routes';
import { workbenchRoutes } from './modules/workbench/routes';
import { openApiRoutes } from './openapi/routes';
import { createWechat, type Wechat } from './modules/wechat';
import { AppError } from './platform/errors/app-error';
import { noStoreForSignedIn } from './platform/http/cache-control';
import { errorHandler } from './platform/http/error-handler';
import { securityHeaders } from './platform/http/security-headers';
import { requestContext } from './platform/http/request-context';
import { assertWellFormedText, refuseEncodedBodies } from './platform/http/request-body';
import { createRouter, dispatchByFirstSegment, type AppRouter } from './platform/http/router';
import type { AppState } from './platform/http/types';
import type { Logger } from './platform/logger';
import { createMetrics, httpMetrics, instrumentRedis, observeDependencies, type Metrics } from './platform/metrics';
import { notificationQueueName } from './modules/notification/notification-worker';
import { createRateLimiter, rateLimitPolicies } from './platform/rate-limit';

export type AppDeps = {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  /** Where list endpoints read (read replicas, see routeListReads); defaults to the primary. */
  listReads?: ListReads;
  redis: Redis;
  metrics?: Metrics;
  /** Defaults to the real clients behind config.WECHAT_API_BASE. */
  wechat?: Wechat;
  /** The clock of the booking rules (tests fix "today"); defaults to the system clock. */
  now?: () => Date;
};

export type App = Koa<AppState> & {
  metrics: Metrics;
  guideCache: GuideCache;
  /** Stops the app's own background work (cache subscriber, view-count flushing); pools are the caller's. */
  close: () => Promise<void>;
  /** Every route (the OpenAPI test checks the document against it). */
  router: AppRouter;
};

/** BODY_LIMIT ("256kb", "1mb") in bytes. */
function byteSize(limit: string): number {
  const [, amount = '0', unit = 'kb'] = /^(\d+)(kb|mb)$/i.exec(limit) ?? [];
  return Number(amount) * (unit.toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

/** Builds the BFF. main.ts serves it; tests drive it with supertest against real MySQL and Redis. */
export function createApp(deps: AppDeps): App {
  const metrics = deps.metrics ?? createMetrics();
  const { config, prisma, redis } = deps;
  const listReads = deps.listReads ?? prisma;
  const keyPrefix = config.REDIS_KEY_PREFIX;
  const wechat = deps.wechat ?? createWechat(config, redis);
  const sessions = createSessionStore({ redis, keyPrefix, ttlSeconds: config.SESSION_TTL_SECONDS, maxAgeSeconds: { resident: config.SESSION_MAX_AGE_RESIDENT_SECONDS, staff: config.SESSION_MAX_AGE_STAFF_SECONDS } });
  const rateLimiter = createRateLimiter({
    redis,
    keyPrefix,
    policies: { ...rateLimitPolicies, login: { ...rateLimitPolicies.login, points: config.LOGIN_RATE_LIMIT_PER_MINUTE } },
  });
  const calendar = createCalendarService({ prisma, redis, keyPrefix });
  const guideCache = createGuideCache({ redis, keyPrefix });
  const guideSearch = createGuideSearch({ prisma, cache: guideCache });
  const contentSafety = { wechat: wechat.miniProgram, words: loadDefaultWordFilter() };
  // Shared with the modules that show attachments: they sign URLs with files.urls.
  const files = createFiles({ config, prisma, rateLimiter });
  const mediaChecks = createConfiguredMediaChecks({ config, prisma, wechat: wechat.miniProgram, logger: deps.logger, now: deps.now });
  const payment = createPaymentDeps({ config, prisma, redis, now: deps.now });
  warnExpiringCertificates(payment, { logger: deps.logger, now: new Date() });
  const booking = createBookingDeps({
    prisma, redis, keyPrefix, calendar, files, mediaChecks, contentSafety, now: deps.now, onHallCancel: hallCancelRefunds(payment), onScheduleChange: () => guideCache.bump(),
  });
  instrumentRedis(redis, metrics);
  const closeDependencyMetrics = observeDependencies(metrics, {
    databasePool: () => databasePoolStats(prisma),
    redis,
    queues: { names: [notificationQueueName], prefix: `${keyPrefix}bull`, open: (name, prefix) => new Queue(name, { connection: redis, prefix }) },
  });
  const app = new Koa<AppState>({ proxy: config.TRUST_PROXY, maxIpsCount: config.TRUST_PROXY_HOPS });
  app.silent = true; // errors are logged once, by the error handler, with the request id

  app.use(requestContext(deps.logger));
  app.use(httpMetrics(metrics));
  app.use(noStoreForSignedIn());
  app.use(errorHandler());
  app.use(securityHeaders());
  app.use(cors({ origin: (ctx) => (ctx.get('Origin') === config.H5_ORIGIN ? config.H5_ORIGIN : ''), exposeHeaders: ['X-Request-Id', 'Retry-After'], maxAge: 600 }));
  app.use(refuseEncodedBodies());
  app.use(keepRawPayNotifications()); // WeChat Pay signs the exact bytes of its notifications
  app.use(keepRawMessagePush()); // 消息推送: signature (in the query) checked before the body is read
  const parseJsonBody = bodyParser({ enableTypes: ['json'], jsonLimit: config.BODY_LIMIT, encoding: 'utf-8' });
  const bodyLimitBytes = byteSize(config.BODY_LIMIT);
  app.use((ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      return parseJsonBody(ctx, () => {
        assertWellFormedText(ctx.request.body);
        return next();
      });
    }
    // Reads carry no body: they skip the parser (a hot GET is most of the traffic). One that sends a
    // large body anyway is refused: left unread, it would cut the connection off mid-answer.
    if (Number(ctx.get('Content-Length') || 0) > bodyLimitBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    return next();
  });

  // Unmatched paths fall through every router: answer them last, after allowedMethods had its say.
  app.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND');
  });

  app.use(authenticate({ prisma, sessions }));

  const root = createRouter();
  const modules: AppRouter[] = [
    healthRoutes({
      metrics,
      probes: {
        mysql: async () => {
          await prisma.$queryRawUnsafe('SELECT 1');
        },
        redis: async () => {
          await redis.ping();
        },
      },
    }),
    authRoutes({ prisma, redis, keyPrefix, wechat: wechat.miniProgram, sessions, rateLimiter }),
    filesRoutes(files),
    staffRoutes({ prisma, rateLimiter, sessions }),
    meRoutes({ prisma, redis, keyPrefix, wechat: wechat.miniProgram, sessions, privacyPolicyVersion: config.PRIVACY_POLICY_VERSION, rateLimiter, storage: files.storage }),
    workbenchRoutes({ prisma }),
    calendarRoutes(calendar),
    auditRoutes({ reads: listReads }),
    guideRoutes({ prisma, cache: guideCache, search: guideSearch }),
    guideErrorReportRoutes({ prisma, rateLimiter, contentSafety }),
    guideAdminRoutes({ prisma, cache: guideCache }),
    homeRoutes({ prisma, cache: guideCache, search: guideSearch }),
    notificationRoutes({ prisma }),
    ...bookingRouters(booking, { rateLimiter }),
    ...mailboxRouters(createMailboxDeps({ prisma, listReads, calendar, contentSafety, files, rateLimiter, mediaChecks, now: deps.now })),
    messagePushRoutes({ prisma, redis, keyPrefix, token: config.WECHAT_MESSAGE_PUSH_TOKEN, now: deps.now }),
    ...consultationRouters({ prisma, listReads, files, rateLimiter, contentSafety, now: deps.now ?? (() => new Date()) }),
    ...paymentRouters(payment),
    openApiRoutes(),
  ];
  for (const module of modules) root.use(module.routes());
  app.use(dispatchByFirstSegment(root));
  app.use(root.allowedMethods({ throw: true, methodNotAllowed: () => new AppError('METHOD_NOT_ALLOWED'), notImplemented: () => new AppError('METHOD_NOT_ALLOWED') }));
  return Object.assign(app, { metrics, guideCache, close: async () => {
    await guideCache.close();
    await closeDependencyMetrics();
  }, router: root });
}
