/** Connection settings read from a mysql:// URL, shared by Prisma's adapter and mysql2. */
export type DatabaseConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
};

export function parseDatabaseUrl(databaseUrl: string): DatabaseConnection {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// (got ${url.protocol}//)`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/govpocket');
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
  };
}

/** The same server with another database name: tests create one database per worker. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * How a process talks to MySQL beyond the URL: TLS and the RSA public-key exchange. Read from
 * DATABASE_SSL (`true`: TLS with the server certificate verified), DATABASE_SSL_CA (path of the CA
 * bundle that signed it; implies TLS) and DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL (`true` only for a
 * MySQL 8 caching_sha2_password account reached without TLS: it lets a man in the middle hand the
 * client a key of its own, so it is off unless asked for).
 */
export type DatabaseTransport = { ssl: boolean; caPath: string | null; allowPublicKeyRetrieval: boolean };

export class DatabaseTransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseTransportError';
  }
}

const flag = (env: Record<string, string | undefined>, name: string): boolean => {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new DatabaseTransportError(`${name} must be true or false (got ${env[name]})`);
};

export function databaseTransportFromEnv(env: Record<string, string | undefined> = process.env): DatabaseTransport {
  const caPath = (env.DATABASE_SSL_CA ?? '').trim() || null;
  return { ssl: flag(env, 'DATABASE_SSL') || caPath !== null, caPath, allowPublicKeyRetrieval: flag(env, 'DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL') };
}

/** The TLS options of both drivers (mariadb for Prisma, mysql2 for migrations): the same shape. */
export function databaseSslOptions(transport: DatabaseTransport, readFile: (path: string) => string): { ca?: string; rejectUnauthorized: true } | undefined {
  if (!transport.ssl) return undefined;
  if (transport.caPath === null) return { rejectUnauthorized: true };
  let ca: string;
  try {
    ca = readFile(transport.caPath);
  } catch (error) {
    throw new DatabaseTransportError(`DATABASE_SSL_CA: cannot read ${transport.caPath} (${(error as Error).message})`);
  }
  return { ca, rejectUnauthorized: true };
}
