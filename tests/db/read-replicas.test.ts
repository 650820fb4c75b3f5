import mysql from 'mysql2/promise';
import { createPrismaClient, parseDatabaseUrl, routeListReads, withDatabase } from '@govpocket/db';
import { letterReceiptResponseSchema, staffLetterListResponseSchema } from '@govpocket/shared';
import { migrate } from '../../prisma/src/migrate';
import { api, createResident, letterInput, postLetter, startMailboxEnv, submit, type MailboxEnv } from '../mailbox/mailbox-env';

/**
 * List endpoints read through Prisma's read-replicas extension when DATABASE_REPLICA_URLS names
 * replicas; writes, transactions and reads that follow the user's own write stay on the primary.
 * The "replica" here is a second database on the same server, brought up to date by copying every
 * table at the moments the test chooses: between two copies it lags behind, as a real replica may,
 * so the test can tell which database answered.
 */
let env: MailboxEnv;
let primaryDatabase: string;
let replicaDatabase: string;
let connection: mysql.Connection;

/** What replication would do: the replica becomes a copy of the primary as it is now. */
async function catchUp(): Promise<void> {
  const [tables] = await connection.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations'",
    [primaryDatabase],
  );
  await connection.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const { name } of tables) {
    // TRUNCATE, not DELETE: the append-only tables refuse DELETE by trigger.
    await connection.query(`TRUNCATE TABLE \`${replicaDatabase}\`.\`${name as string}\``);
    await connection.query(`INSERT INTO \`${replicaDatabase}\`.\`${name as string}\` SELECT * FROM \`${primaryDatabase}\`.\`${name as string}\``);
  }
  await connection.query('SET FOREIGN_KEY_CHECKS = 1');
}

beforeAll(async () => {
  const primaryUrl = process.env.DATABASE_URL ?? '';
  const { database, ...server } = parseDatabaseUrl(primaryUrl);
  primaryDatabase = database;
  replicaDatabase = `${database}_replica`;
  connection = await mysql.createConnection(server);
  await connection.query(`CREATE DATABASE \`${replicaDatabase}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await migrate({ databaseUrl: withDatabase(primaryUrl, replicaDatabase) });
  env = await startMailboxEnv('2026-09-29 10:00', { DATABASE_REPLICA_URLS: withDatabase(primaryUrl, replicaDatabase) });
  await catchUp();
}, 60_000);
afterAll(async () => {
  await env.close();
  await connection.query(`DROP DATABASE IF EXISTS \`${replicaDatabase}\``);
  await connection.end();
});

const officeLetters = async (): Promise<string[]> => {
  const response = await api(env).get(`/staff/offices/${env.world.officeId}/letters`).query({ view: 'all' }).set(env.world.office.auth);
  expect(response.status).toBe(200);
  return staffLetterListResponseSchema.parse(response.body).letters.map((letter) => letter.id);
};

describe('read replicas for list endpoints', () => {
  it('serves the office letter list from the replica, the resident’s own receipt from the primary', async () => {
    const resident = await createResident(env);
    const first = await submit(env, resident, { title: '复制前的来信' });
    await catchUp();
    const second = await submit(env, resident, { title: '复制后才写入的来信' });

    // The replica has not seen the second letter yet: the list (read on the replica) lacks it…
    expect(await officeLetters()).toEqual([first.id]);
    // …while the writer's own read after the write is answered by the primary.
    const mine = await api(env).get(`/letters/${second.id}`).set(resident.auth);
    expect(mine.status).toBe(200);
    // The write went to the primary only.
    expect(await env.prisma.letter.count({ where: { id: second.id } })).toBe(1);

    await catchUp();
    expect(new Set(await officeLetters())).toEqual(new Set([first.id, second.id]));
  });

  it('keeps a submission (a transaction with its reads) on the primary even when the replica is behind', async () => {
    const resident = await createResident(env);
    // Idempotency is checked inside the submission: a replay must find the first write at once,
    // which only the primary has.
    const input = letterInput(env, { title: '重复提交的来信' });
    const created = await postLetter(env, resident, input, 'replica-idempotency-key');
    expect(created.status).toBe(201);
    const replay = await postLetter(env, resident, input, 'replica-idempotency-key');
    // The stored answer is replayed (same status, same letter), not a second letter.
    expect(replay.status).toBe(201);
    expect(await env.prisma.letter.count({ where: { residentId: resident.userId } })).toBe(1);
    expect(letterReceiptResponseSchema.parse(replay.body).letter.id).toBe(letterReceiptResponseSchema.parse(created.body).letter.id);
  });

  it('serves the admin audit log from the replica', async () => {
    await catchUp();
    const before = await api(env).get('/admin/audit-logs').set(env.world.admin.auth);
    expect(before.status).toBe(200);
    const resident = await createResident(env);
    await submit(env, resident, { title: '写入审计日志的来信' });
    const lagging = await api(env).get('/admin/audit-logs').set(env.world.admin.auth);
    expect(lagging.body).toEqual(before.body);
    await catchUp();
    const caughtUp = await api(env).get('/admin/audit-logs').set(env.world.admin.auth);
    expect((caughtUp.body as { items: unknown[] }).items.length).toBeGreaterThan((before.body as { items: unknown[] }).items.length);
  });

  it('uses the primary itself when no replica is configured', () => {
    const primary = createPrismaClient(process.env.DATABASE_URL ?? '');
    expect(routeListReads(primary, [])).toBe(primary);
  });
});
