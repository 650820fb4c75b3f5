import path from 'node:path';
import { defineConfig } from 'prisma/config';

/** Prisma 7 keeps the connection URL here, not in schema.prisma. `prisma generate` needs no
 * database, so a missing DATABASE_URL is not an error at this point. */
export default defineConfig({
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  datasource: { url: process.env.DATABASE_URL },
});
