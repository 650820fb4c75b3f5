import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaClient } from '../generated/client/client';
import { parseDatabaseUrl } from './database-url';

export { PrismaClient };

/** Prisma over the MariaDB driver adapter (works with MySQL 8 too; Prisma 7 ships no mysql2 adapter). */
export function createPrismaClient(databaseUrl: string, options: { connectionLimit?: number } = {}): PrismaClient {
  const connection = parseDatabaseUrl(databaseUrl);
  const adapter = new PrismaMariaDb({
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    database: connection.database,
    connectionLimit: options.connectionLimit ?? 10,
    allowPublicKeyRetrieval: true,
  });
  // A busy pool queues transactions rather than failing them after Prisma's default 2 s.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
}
