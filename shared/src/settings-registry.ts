import { z } from 'zod';

/**
 * Every rule an admin changes without a deploy (the Setting table), in one place: its key, type,
 * unit, allowed range, default and description. The seed writes these defaults; the BFF's readers
 * (booking, mailbox, consultation, fees, staff) take their keys from here, and a missing,
 * malformed or out-of-range row reads as the default. tests/bff/settings-registry.test.ts proves
 * every seeded key is here and read by a reader.
 */
export type SettingDefinition<T> = {
  key: string;
  schema: z.ZodType<T>;
  fallback: T;
  /** 分钟, 小时, 天, 工作日, 次, 个, 张, 时刻 (HH:mm), 字 */
  unit: string;
  /** The allowed values in words, e.g. "1–60". */
  range: string;
  description: string;
};

export type SettingValue<D> = D extends SettingDefinition<infer T> ? T : never;

function integer(key: string, fallback: number, { min, max, unit, description }: { min: number; max: number; unit: string; description: string }): SettingDefinition<number> {
  return { key, schema: z.number().int().min(min).max(max), fallback, unit, range: `${min}–${max}`, description };
}

function timeOfDay(key: string, fallback: string, description: string): SettingDefinition<string> {
  return { key, schema: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), fallback, unit: '时刻', range: '00:00–23:59', description };
}

type Length = { min: number; max: number };

function lengthRange(key: string, fallback: Length, { max, description }: { max: number; description: string }): SettingDefinition<Length> {
  const bound = z.number().int().min(1).max(max);
  return { key, schema: z.object({ min: bound, max: bound }).refine((value) => value.min <= value.max), fallback, unit: '字', range: `1–${max}，最少不超过最多`, description };
}

export const settingRegistry = {
  // appointments (domain.md §2)
  'booking.daysAhead': integer('booking.daysAhead', 7, { min: 1, max: 60, unit: '工作日', description: '可预约未来多少个工作日' }),
  'booking.sameDayCloseMinutes': integer('booking.sameDayCloseMinutes', 60, { min: 0, max: 1440, unit: '分钟', description: '当天预约在时段开始前多少分钟截止' }),
  'booking.cancelBeforeMinutes': integer('booking.cancelBeforeMinutes', 60, { min: 0, max: 1440, unit: '分钟', description: '取消或改约须在时段开始前多少分钟' }),
  'booking.maxActiveBookings': integer('booking.maxActiveBookings', 3, { min: 1, max: 20, unit: '个', description: '每人同时有效的预约数上限' }),
  'booking.noShowGraceMinutes': integer('booking.noShowGraceMinutes', 15, { min: 0, max: 240, unit: '分钟', description: '时段结束后多少分钟未签到记为爽约' }),
  'booking.noShowLimit': integer('booking.noShowLimit', 3, { min: 1, max: 20, unit: '次', description: '统计期内爽约多少次暂停预约' }),
  'booking.noShowWindowDays': integer('booking.noShowWindowDays', 90, { min: 1, max: 365, unit: '天', description: '爽约统计期（天）' }),
  'booking.noShowPauseDays': integer('booking.noShowPauseDays', 30, { min: 0, max: 365, unit: '天', description: '暂停预约天数' }),
  'booking.reminderDayBeforeAt': timeOfDay('booking.reminderDayBeforeAt', '18:00', '前一天提醒的发送时间'),
  'booking.reminderMinutesBefore': integer('booking.reminderMinutesBefore', 60, { min: 0, max: 1440, unit: '分钟', description: '开始前多少分钟再次提醒' }),
  'booking.slotMinutes': integer('booking.slotMinutes', 30, { min: 5, max: 240, unit: '分钟', description: '新建排班规则的默认时段长度（分钟）' }),
  'preReview.maxFilesPerMaterial': integer('preReview.maxFilesPerMaterial', 3, { min: 0, max: 20, unit: '张', description: '每项材料最多上传的预审照片数' }),
  'preReview.photoRetentionDays': integer('preReview.photoRetentionDays', 90, { min: 1, max: 3650, unit: '天', description: '预审照片在预约结束后保留的天数，期满删除' }),
  'fee.orderExpireMinutes': integer('fee.orderExpireMinutes', 30, { min: 5, max: 7 * 24 * 60, unit: '分钟', description: '缴费订单多少分钟未支付自动关闭' }),
  'rating.windowDays': integer('rating.windowDays', 7, { min: 1, max: 90, unit: '天', description: '办结后多少天内可以评价' }),
  'rating.followUpWorkingDays': integer('rating.followUpWorkingDays', 15, { min: 1, max: 60, unit: '工作日', description: '差评回访整改时限（工作日）' }),
  // mailbox (domain.md §3)
  'letter.acceptWorkingDays': integer('letter.acceptWorkingDays', 2, { min: 1, max: 30, unit: '工作日', description: '来信受理时限（工作日）' }),
  'letter.replyWorkingDays': integer('letter.replyWorkingDays', 15, { min: 1, max: 90, unit: '工作日', description: '受理后答复时限（工作日）' }),
  'letter.extensionMaxWorkingDays': integer('letter.extensionMaxWorkingDays', 15, { min: 0, max: 90, unit: '工作日', description: '延期最多工作日（限一次）' }),
  'letter.returnWorkingDays': integer('letter.returnWorkingDays', 1, { min: 1, max: 30, unit: '工作日', description: '承办部门退回错转来信的时限（工作日）' }),
  'letter.acceptWarningWorkingDays': integer('letter.acceptWarningWorkingDays', 1, { min: 0, max: 30, unit: '工作日', description: '受理阶段：到期前多少个工作日黄色预警（不超过受理时限减一，新来信不预警）' }),
  'letter.warningWorkingDays': integer('letter.warningWorkingDays', 2, { min: 0, max: 30, unit: '工作日', description: '办理答复阶段：到期前多少个工作日黄色预警（不超过答复时限减一）' }),
  'letter.rateDays': integer('letter.rateDays', 7, { min: 1, max: 90, unit: '天', description: '答复后多少天内可以评价，逾期视为满意' }),
  'letter.maxReopens': integer('letter.maxReopens', 1, { min: 0, max: 5, unit: '次', description: '不满意可重新办理的次数' }),
  'letter.maxImages': integer('letter.maxImages', 9, { min: 0, max: 9, unit: '张', description: '每封来信最多图片数' }),
  'letter.titleLength': lengthRange('letter.titleLength', { min: 5, max: 40 }, { max: 200, description: '来信标题字数' }),
  'letter.bodyLength': lengthRange('letter.bodyLength', { min: 10, max: 2000 }, { max: 10_000, description: '来信正文字数' }),
  'letter.overdueNoticeAt': timeOfDay('letter.overdueNoticeAt', '09:00', '每天提醒超期来信的时间'),
  // consultations (domain.md §4)
  'consultation.defaultDays': integer('consultation.defaultDays', 30, { min: 1, max: 365, unit: '天', description: '意见征集默认期限（天）' }),
  'consultation.opinionLength': lengthRange('consultation.opinionLength', { min: 10, max: 1000 }, { max: 10_000, description: '意见字数' }),
  // staff accounts
  'staff.bindingCodeTtlHours': integer('staff.bindingCodeTtlHours', 24, { min: 1, max: 720, unit: '小时', description: '工作人员绑定码有效期（小时）' }),
  'staff.bindingCodeMaxAttempts': integer('staff.bindingCodeMaxAttempts', 5, { min: 1, max: 100, unit: '次', description: '每个微信账号和每个地址 15 分钟内最多尝试绑定码的次数' }),
} as const satisfies Record<string, SettingDefinition<unknown>>;

export type SettingKey = keyof typeof settingRegistry;
export const settingKeys = Object.keys(settingRegistry) as SettingKey[];
