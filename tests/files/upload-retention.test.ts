import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { appointmentResponseSchema, staffPreReviewsResponseSchema, uploadedImageSchema } from '@govpocket/shared';
import { removeExpiredPreReviewPhotos } from '../../bff/src/modules/booking';
import { createBookingSettingsReader } from '../../bff/src/modules/booking/settings';
import { createLocalDiskStorage } from '../../bff/src/modules/files';
import { api, createBookingHall, createHallStaff, createResident, slotAt, startBookingEnv, type BookingEnv, type TestHall } from '../booking/booking-env';
import type { LoggedIn } from '../support/factories';
import { png } from './upload-support';

/**
 * Uploads leave storage with their owner's account, and pre-review photos a set number of days
 * (setting preReview.photoRetentionDays, default 90) after the visit; the rows stay, marked, and
 * the hall's screens say the photo was removed.
 */
let env: BookingEnv;
let hall: TestHall;
let staff: LoggedIn;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-retention-'));
  env = await startBookingEnv('2026-12-01 08:00', { env: () => ({ FILE_STORAGE_DIR: uploadDir }) });
  hall = await createBookingHall(env, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', capacity: 20, slotMinutes: 60 }] });
  staff = await createHallStaff(env, hall.hallId);
}, 60000);
afterAll(async () => {
  await env.close();
  await rm(uploadDir, { recursive: true, force: true });
});

const storage = () => createLocalDiskStorage({ dir: uploadDir });
const onDisk = (storageKey: string): boolean => existsSync(path.join(uploadDir, ...storageKey.split('/')));

/** A resident uploads a real photo and books the 10:00 visit on `date` with it for pre-review. */
async function bookWithPhoto(resident: LoggedIn, date: string): Promise<{ appointmentId: string; fileId: string; storageKey: string; url: string }> {
  const uploaded = await request(env.app.callback()).post('/files/images').set(resident.auth).field('purpose', 'PRE_REVIEW').attach('file', await png(), { filename: 'id.png', contentType: 'image/png' });
  expect(uploaded.status).toBe(201);
  const image = uploadedImageSchema.parse(uploaded.body);
  const material = await env.prisma.serviceItemMaterial.findFirstOrThrow({ where: { itemId: env.itemId }, select: { id: true } });
  const booked = await api(env).post('/appointments').set(resident.auth).set('Idempotency-Key', randomUUID())
    .send({ itemCode: env.itemCode, slotId: (await slotAt(env, hall.hallId, `${date} 10:00`)).id, preReviewFileIds: [{ materialId: material.id, fileId: image.fileId }] });
  expect(booked.status).toBe(201);
  const { storageKey } = await env.prisma.uploadedFile.findUniqueOrThrow({ where: { id: image.fileId }, select: { storageKey: true } });
  expect(onDisk(storageKey)).toBe(true);
  return { appointmentId: appointmentResponseSchema.parse(booked.body).appointment.id, fileId: image.fileId, storageKey, url: image.url };
}

async function hallPreReview(appointmentId: string) {
  const listed = staffPreReviewsResponseSchema.parse((await api(env).get(`/staff/halls/${hall.hallId}/pre-reviews`).set(staff.auth)).body);
  return listed.items.find((item) => item.appointmentId === appointmentId);
}

describe('pre-review photo retention', () => {
  it('removes photos the configured number of days after the visit, from disk and from every URL; the hall reads why', async () => {
    const resident = await createResident(env);
    const early = await bookWithPhoto(resident, '2026-12-02');
    const later = await bookWithPhoto(await createResident(env), '2026-12-04');
    const deps = { prisma: env.prisma, settings: createBookingSettingsReader(env.prisma, { ttlMs: 0 }), storage: storage() };

    // 89 days after the first visit: nothing is due yet.
    expect(await removeExpiredPreReviewPhotos(deps, { now: new Date('2027-03-01T03:00:00Z') })).toEqual({ removed: 0, failedDeletes: 0 });
    expect(onDisk(early.storageKey)).toBe(true);

    // 90 days and a bit after the first visit (default 90): only the first photo goes.
    const report = await removeExpiredPreReviewPhotos(deps, { now: new Date('2027-03-03T03:00:00Z') });
    expect(report).toEqual({ removed: 1, failedDeletes: 0 });
    expect(onDisk(early.storageKey)).toBe(false);
    expect(onDisk(later.storageKey)).toBe(true);
    const row = await env.prisma.preReviewFile.findFirstOrThrow({ where: { appointmentId: early.appointmentId } });
    expect(row).toMatchObject({ fileRemovedReason: 'RETENTION' });
    expect(row.fileRemovedAt).not.toBeNull();
    expect(await env.prisma.uploadedFile.findUniqueOrThrow({ where: { id: early.fileId } })).toMatchObject({ removedReason: 'RETENTION' });

    // The signed URL issued before now answers 404, and the resident's own view has no URL any more.
    expect((await request(env.app.callback()).get(early.url)).status).toBe(404);
    const seen = appointmentResponseSchema.parse((await api(env).get(`/appointments/${early.appointmentId}`).set(resident.auth)).body).appointment;
    expect(seen.preReviews[0]).toMatchObject({ fileUrl: '', fileRemovedNote: '照片已超过保留期限（预约结束后按规定保存），已删除' });

    // A second run finds nothing more to do.
    expect(await removeExpiredPreReviewPhotos(deps, { now: new Date('2027-03-03T04:00:00Z') })).toEqual({ removed: 0, failedDeletes: 0 });
  });

  it('follows the setting: a 10-day retention removes a photo 10 days after the visit, and the hall screen says so', async () => {
    await env.prisma.setting.upsert({ where: { key: 'preReview.photoRetentionDays' }, create: { key: 'preReview.photoRetentionDays', value: 10 }, update: { value: 10 } });
    try {
      const booking = await bookWithPhoto(await createResident(env), '2026-12-03');
      const deps = { prisma: env.prisma, settings: createBookingSettingsReader(env.prisma, { ttlMs: 0 }), storage: storage() };
      expect((await hallPreReview(booking.appointmentId))?.fileUrl).toContain(`/files/${booking.fileId}?`);
      expect((await removeExpiredPreReviewPhotos(deps, { now: new Date('2026-12-14T03:00:00Z') })).removed).toBeGreaterThanOrEqual(1);
      expect(onDisk(booking.storageKey)).toBe(false);
      // The hall's pre-review list only shows visits from today on: look at it on the visit day.
      env.setNow('2026-12-03 08:00');
      expect(await hallPreReview(booking.appointmentId)).toMatchObject({ fileUrl: '', fileRemovedNote: '照片已超过保留期限（预约结束后按规定保存），已删除' });
    } finally {
      env.setNow('2026-12-01 08:00');
      await env.prisma.setting.deleteMany({ where: { key: 'preReview.photoRetentionDays' } });
    }
  });
});

describe('account deletion', () => {
  it('deletes every upload of the account from disk; the hall reads that the applicant deleted their account', async () => {
    const resident = await createResident(env);
    const booking = await bookWithPhoto(resident, '2026-12-04');
    const other = await bookWithPhoto(await createResident(env), '2026-12-04');
    const loose = await request(env.app.callback()).post('/files/images').set(resident.auth).attach('file', await png(), { filename: 'x.png', contentType: 'image/png' });
    const looseKey = (await env.prisma.uploadedFile.findUniqueOrThrow({ where: { id: uploadedImageSchema.parse(loose.body).fileId } })).storageKey;

    const deleted = await api(env).post('/me/delete-account').set(resident.auth).send({ confirm: '注销账号' });
    expect(deleted.status).toBe(204);

    expect(onDisk(booking.storageKey)).toBe(false);
    expect(onDisk(looseKey)).toBe(false);
    expect(onDisk(other.storageKey)).toBe(true);
    expect(await env.prisma.uploadedFile.count({ where: { ownerId: resident.userId, removedAt: null } })).toBe(0);
    expect(await env.prisma.uploadedFile.count({ where: { ownerId: resident.userId, removedReason: 'ACCOUNT_DELETED' } })).toBe(2);
    expect((await request(env.app.callback()).get(booking.url)).status).toBe(404);
    env.setNow('2026-12-04 08:00');
    try {
      expect(await hallPreReview(booking.appointmentId)).toMatchObject({ fileUrl: '', fileRemovedNote: '申请人已注销账号，照片已删除' });
      expect((await hallPreReview(other.appointmentId))?.fileUrl).toContain(`/files/${other.fileId}?`);
    } finally {
      env.setNow('2026-12-01 08:00');
    }
  });
});
