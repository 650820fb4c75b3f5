import mysql from 'mysql2/promise';
import { parseDatabaseUrl, withDatabase } from '../../prisma/src/database-url';
import { readDatamodel } from '../../prisma/src/dmmf';
import { migrate } from '../../prisma/src/migrate';
import { findSchemaDrift, findUnindexedForeignKeys } from '../../prisma/src/schema-drift';

/**
 * Migrates a fresh, empty database with prisma/migrations and proves that the result is exactly
 * what schema.prisma describes: tables, columns (type, nullability, default), primary keys,
 * unique and normal indexes (columns in order) and foreign keys (columns, target, actions).
 */

const baseUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket_test_1';
const databaseName = `govpocket_drift_${process.pid}`;
const databaseUrl = withDatabase(baseUrl, databaseName);
const datamodel = readDatamodel();

let server: mysql.Connection;
let connection: mysql.Connection;

beforeAll(async () => {
  const { database: _unused, ...serverOptions } = parseDatabaseUrl(baseUrl);
  server = await mysql.createConnection(serverOptions);
  await server.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
  await server.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await migrate({ databaseUrl });
  connection = await mysql.createConnection(parseDatabaseUrl(databaseUrl));
  // Migrating a fresh database took over 30 s when the full suite ran on a loaded machine.
}, 120_000);

afterAll(async () => {
  await connection?.end();
  await server?.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
  await server?.end();
});

describe('schema drift', () => {
  it('migrations produce exactly the tables, columns, indexes and foreign keys of schema.prisma', async () => {
    const differences = await findSchemaDrift(connection, datamodel);
    // Printed as a list so a failure says what to fix.
    expect(differences.join('\n')).toBe('');
  });

  it('every foreign key leads an index of the schema (no hidden MySQL indexes)', () => {
    expect(findUnindexedForeignKeys(datamodel)).toEqual([]);
  });

  it('reports each kind of difference in words', async () => {
    await connection.query(
      'ALTER TABLE `Letter` DROP INDEX `Letter_departmentId_status_replyDueAt_idx`, ADD INDEX `Letter_departmentId_status_replyDueAt_idx` (`departmentId`, `replyDueAt`)',
    );
    await connection.query('ALTER TABLE `Appointment` MODIFY `checkInCode` VARCHAR(8) NULL');
    await connection.query("ALTER TABLE `OutboxEvent` ALTER `status` SET DEFAULT 'SENT'");
    await connection.query('ALTER TABLE `User` ADD COLUMN `legacyName` VARCHAR(20) NULL');
    await connection.query('ALTER TABLE `Notification` DROP FOREIGN KEY `Notification_userId_fkey`');
    await connection.query('CREATE TABLE `Stray` (`id` INT NOT NULL PRIMARY KEY)');
    await connection.query('DROP TABLE `IdempotencyRecord`');

    const differences = await findSchemaDrift(connection, datamodel);

    expect(differences).toEqual(
      expect.arrayContaining([
        'index Letter.Letter_departmentId_status_replyDueAt_idx is (departmentId, replyDueAt), schema says (departmentId, status, replyDueAt)',
        'column Appointment.checkInCode: type is varchar(8), schema says varchar(6)',
        'column Appointment.checkInCode: is NULL, schema says NOT NULL',
        'column OutboxEvent.status: default is sent, schema says pending',
        'column User.legacyName is in the database but not in the schema',
        'foreign key Notification.Notification_userId_fkey (relation Notification.user → User(id)) is missing',
        'table Stray is in the database but not in the schema',
        'table IdempotencyRecord (model IdempotencyRecord) is missing',
      ]),
    );
  });
});
