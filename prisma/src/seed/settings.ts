import type { Prisma, PrismaClient } from '../../generated/client/client';

/**
 * The configurable defaults of domain.md, as Setting rows. The BFF reads them by key and an admin
 * changes them without a deploy. Working days are counted by the working-day calendar; minutes
 * and days are plain. Seeding never overwrites a value an admin has changed.
 */
export type DefaultSetting = { key: string; value: Prisma.InputJsonValue; description: string };

export const defaultSettings: readonly DefaultSetting[] = [
  // appointments
  { key: 'booking.daysAhead', value: 7, description: '可预约未来多少个工作日' },
  { key: 'booking.sameDayCloseMinutes', value: 60, description: '当天预约在时段开始前多少分钟截止' },
  { key: 'booking.cancelBeforeMinutes', value: 60, description: '取消或改约须在时段开始前多少分钟' },
  { key: 'booking.maxActiveBookings', value: 3, description: '每人同时有效的预约数上限' },
  { key: 'booking.noShowGraceMinutes', value: 15, description: '时段结束后多少分钟未签到记为爽约' },
  { key: 'booking.noShowLimit', value: 3, description: '统计期内爽约多少次暂停预约' },
  { key: 'booking.noShowWindowDays', value: 90, description: '爽约统计期（天）' },
  { key: 'booking.noShowPauseDays', value: 30, description: '暂停预约天数' },
  { key: 'booking.reminderDayBeforeAt', value: '18:00', description: '前一天提醒的发送时间' },
  { key: 'booking.reminderMinutesBefore', value: 60, description: '开始前多少分钟再次提醒' },
  { key: 'booking.slotMinutes', value: 30, description: '新建排班规则的默认时段长度（分钟）' },
  { key: 'preReview.maxFilesPerMaterial', value: 3, description: '每项材料最多上传的预审照片数' },
  { key: 'preReview.photoRetentionDays', value: 90, description: '预审照片在预约结束后保留的天数，期满删除' },
  { key: 'fee.orderExpireMinutes', value: 30, description: '缴费订单多少分钟未支付自动关闭' },
  { key: 'rating.windowDays', value: 7, description: '办结后多少天内可以评价' },
  { key: 'rating.followUpWorkingDays', value: 15, description: '差评回访整改时限（工作日）' },
  // mailbox
  { key: 'letter.acceptWorkingDays', value: 2, description: '来信受理时限（工作日）' },
  { key: 'letter.replyWorkingDays', value: 15, description: '受理后答复时限（工作日）' },
  { key: 'letter.extensionMaxWorkingDays', value: 15, description: '延期最多工作日（限一次）' },
  { key: 'letter.returnWorkingDays', value: 1, description: '承办部门退回错转来信的时限（工作日）' },
  { key: 'letter.warningWorkingDays', value: 2, description: '到期前多少个工作日黄色预警' },
  { key: 'letter.rateDays', value: 7, description: '答复后多少天内可以评价，逾期视为满意' },
  { key: 'letter.maxReopens', value: 1, description: '不满意可重新办理的次数' },
  { key: 'letter.maxImages', value: 9, description: '每封来信最多图片数' },
  { key: 'letter.titleLength', value: { min: 5, max: 40 }, description: '来信标题字数' },
  { key: 'letter.bodyLength', value: { min: 10, max: 2000 }, description: '来信正文字数' },
  { key: 'letter.overdueNoticeAt', value: '09:00', description: '每天提醒超期来信的时间' },
  // consultations
  { key: 'consultation.defaultDays', value: 30, description: '意见征集默认期限（天）' },
  { key: 'consultation.opinionLength', value: { min: 10, max: 1000 }, description: '意见字数' },
  // staff and platform
  { key: 'staff.bindingCodeTtlHours', value: 24, description: '工作人员绑定码有效期（小时）' },
  { key: 'staff.bindingCodeMaxAttempts', value: 5, description: '绑定码最多尝试次数' },
  { key: 'notification.maxAttempts', value: 6, description: '消息发送最多尝试次数' },
  { key: 'notification.backoffSeconds', value: [10, 30, 120, 600, 1800], description: '重试间隔（秒）' },
];

export async function seedSettings(prisma: PrismaClient): Promise<void> {
  await prisma.setting.createMany({
    data: defaultSettings.map((setting) => ({ key: setting.key, value: setting.value, description: setting.description })),
    skipDuplicates: true,
  });
}
