import { bookingDaysResponseSchema, bookingHallsResponseSchema, guideDetailSchema } from '@govpocket/shared';
import { createStaff } from '../support/factories';
import { hallHoursText } from '../../bff/src/modules/booking/hall-hours';
import { api, createBookingHall, startBookingEnv, type BookingEnv, type TestHall } from './booking-env';

/** One source of truth for opening hours: the hall's schedule, shown the same on every screen. */
let env: BookingEnv;
let hall: TestHall;

beforeAll(async () => {
  env = await startBookingEnv('2026-12-07 08:00');
  hall = await createBookingHall(env, {
    rules: [
      { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', capacity: 5 },
      { weekdays: [1, 2, 3, 4, 5], startTime: '13:30', endTime: '17:00', capacity: 5 },
      { weekdays: [6], startTime: '09:00', endTime: '12:00', capacity: 5 },
    ],
  });
}, 60000);
afterAll(async () => {
  await env.close();
});

const withSaturday = '周一至周五 09:00-12:00、13:30-17:00；周六 09:00-12:00（法定节假日除外）';

async function shownEverywhere(): Promise<{ hallCard: string | undefined; guideHall: string | undefined; guide: string; bookingWeekdays: number[] }> {
  const halls = bookingHallsResponseSchema.parse((await api(env).get(`/booking/items/${env.itemCode}/halls`)).body);
  const guide = guideDetailSchema.parse((await api(env).get(`/guides/${env.itemCode}`)).body);
  const days = bookingDaysResponseSchema.parse((await api(env).get(`/booking/halls/${hall.hallId}/days`).query({ itemCode: env.itemCode })).body);
  return {
    hallCard: halls.halls.find((candidate) => candidate.id === hall.hallId)?.hours,
    guideHall: guide.halls.find((candidate) => candidate.id === hall.hallId)?.hours,
    guide: guide.hours,
    bookingWeekdays: [...new Set(days.days.map((day) => day.weekday))].sort(),
  };
}

describe('hall opening hours', () => {
  it('words a schedule: weekday runs, merged periods, holidays excepted', () => {
    expect(hallHoursText([
      { weekday: 1, startTime: '09:00', endTime: '12:00' }, { weekday: 1, startTime: '11:00', endTime: '12:30' },
      { weekday: 2, startTime: '09:00', endTime: '12:30' }, { weekday: 6, startTime: '09:00', endTime: '11:00' }, { weekday: 7, startTime: '09:00', endTime: '11:00' },
    ])).toBe('周一、周二 09:00-12:30；周六、周日 09:00-11:00（法定节假日除外）');
    expect(hallHoursText([])).toBeNull();
  });

  it('the hall card, the guide and the booking calendar agree, whatever text was stored with the hall', async () => {
    // The stored text says weekdays only; the schedule opens on Saturday mornings.
    expect((await env.prisma.hall.findUniqueOrThrow({ where: { id: hall.hallId }, select: { hours: true } })).hours).toBe('工作日 9:00-17:00');
    const shown = await shownEverywhere();
    expect(shown).toEqual({ hallCard: withSaturday, guideHall: withSaturday, guide: withSaturday, bookingWeekdays: [1, 2, 3, 4, 5, 6] });
  });

  it('follows a schedule change everywhere at once (the cached guide too)', async () => {
    const admin = await createStaff(env, [{ role: 'ADMIN' }]);
    const changed = await api(env).put(`/admin/halls/${hall.hallId}/schedule-templates/${hall.templateId}`).set(admin.auth).send({
      name: '冬季作息', validFrom: '2026-01-01', isActive: true,
      rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '08:30', endTime: '17:30', capacity: 5 })),
    });
    expect(changed.status).toBe(200);
    const weekdaysOnly = '周一至周五 08:30-17:30（法定节假日除外）';
    expect(await shownEverywhere()).toEqual({ hallCard: weekdaysOnly, guideHall: weekdaysOnly, guide: weekdaysOnly, bookingWeekdays: [1, 2, 3, 4, 5] });
  });
});
