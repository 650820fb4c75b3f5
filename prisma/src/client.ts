import { readFileSync } from 'node:fs';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { readReplicas } from '@prisma/extension-read-replicas';
import { PrismaClient, type Prisma } from '../generated/client/client';
import { databaseSslOptions, databaseTransportFromEnv, parseDatabaseUrl, type DatabaseTransport } from './database-url';

export { PrismaClient };

/** The connection pool behind a client, as /metrics reports it. */
export type DatabasePoolStats = {
  /** Connections running a query or holding a transaction. */
  active: number;
  idle: number;
  total: number;
  /** Requests waiting for a free connection. */
  waiting: number;
  limit: number;
};

type PoolCounters = { activeConnections(): number; idleConnections(): number; totalConnections(): number; taskQueueSize(): number };

/**
 * The adapter factory, remembering the pool of its latest connect(): Prisma connects lazily and
 * again after $disconnect, and the adapter owns (and ends) each pool it makes.
 */
class ObservedMariaDb extends PrismaMariaDb {
  pool: PoolCounters | undefined;

  override async connect(): ReturnType<PrismaMariaDb['connect']> {
    const adapter = await super.connect();
    this.pool = adapter.underlyingDriver();
    return adapter;
  }
}

const poolStatsByClient = new WeakMap<PrismaClient, () => DatabasePoolStats | undefined>();

/** Counters of the client's pool; undefined before its first query or for a client made elsewhere. */
export function databasePoolStats(prisma: PrismaClient): DatabasePoolStats | undefined {
  return poolStatsByClient.get(prisma)?.();
}

export type PrismaClientOptions = {
  connectionLimit?: number;
  acquireTimeoutMs?: number;
  /** TLS and public-key retrieval; by default from DATABASE_SSL, DATABASE_SSL_CA, DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL. */
  transport?: DatabaseTransport;
};

/** The part of the MariaDB driver's pool settings we set. */
export type MariaDbPoolOptions = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  connectionLimit: number;
  acquireTimeout: number;
  allowPublicKeyRetrieval: boolean;
  ssl?: { ca?: string; rejectUnauthorized: true };
};

/** The MariaDB driver's pool settings for a URL: what createPrismaClient connects with. */
export function mariadbPoolOptions(databaseUrl: string, options: PrismaClientOptions = {}, readFile: (path: string) => string = (file) => readFileSync(file, 'utf8')): MariaDbPoolOptions {
  const connection = parseDatabaseUrl(databaseUrl);
  const transport = options.transport ?? databaseTransportFromEnv();
  const ssl = databaseSslOptions(transport, readFile);
  return {
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    database: connection.database,
    connectionLimit: options.connectionLimit ?? 10,
    // How long a query waits for a free connection: under a booking storm requests queue for
    // seconds; while MySQL is down each one waits this long before its 503.
    acquireTimeout: options.acquireTimeoutMs ?? 10_000,
    allowPublicKeyRetrieval: transport.allowPublicKeyRetrieval,
    ...(ssl ? { ssl } : {}),
  };
}

/** Prisma over the MariaDB driver adapter (works with MySQL 8 too; Prisma 7 ships no mysql2 adapter). */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const poolOptions = mariadbPoolOptions(databaseUrl, options);
  const limit = poolOptions.connectionLimit;
  const acquireTimeoutMs = poolOptions.acquireTimeout;
  const adapter = new ObservedMariaDb(poolOptions);
  // A busy pool queues transactions rather than failing them after Prisma's default 2 s.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: acquireTimeoutMs, timeout: 20_000 } });
  poolStatsByClient.set(client, () => {
    const { pool } = adapter;
    if (!pool) return undefined;
    return { active: pool.activeConnections(), idle: pool.idleConnections(), total: pool.totalConnections(), waiting: pool.taskQueueSize(), limit };
  });
  return client;
}

/**
 * The client list endpoints read through: model reads only (no $transaction, no raw SQL), so a
 * list can be served by a read replica a second behind the primary. Reads that follow the same
 * user's write (a receipt, "my appointments" after booking) keep using the primary client.
 */
export type ListReads = Prisma.TransactionClient;

/**
 * Routes the model reads of `primary` (findMany, count, groupBy, …) to one of the replicas through
 * Prisma's read-replicas extension; writes and transactions stay on the primary. Without replicas
 * the primary itself serves the lists.
 */
export function routeListReads(primary: PrismaClient, replicas: PrismaClient[]): ListReads {
  if (replicas.length === 0) return primary;
  const routed = primary.$extends(readReplicas({ replicas }));
  // The extension is typed against @prisma/client's generic client, so its delegates carry extension
  // generics our generated client's types do not name. At run time they are the primary's delegates
  // with reads sent to a replica (tests/db/read-replicas.test.ts proves the routing).
  return routed as unknown as ListReads;
}
