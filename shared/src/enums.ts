import { z } from 'zod';
import { type Role, roleSchema } from './api/auth';

/**
 * The status and type enums shared by the BFF and the mini-program. Each mirrors the Prisma enum
 * of the same name in prisma/schema.prisma (tests/db/enums-match.test.ts keeps them equal) and
 * comes with the Chinese labels shown to residents and staff.
 */

// ─── identity and organisation ───

// roleSchema / Role live in ./api/auth (the session carries the role).
export const roleLabels: Record<Role, string> = {
  RESIDENT: '居民',
  WINDOW_STAFF: '窗口人员',
  MAILBOX_OFFICE: '信箱受理员',
  DEPARTMENT_HANDLER: '部门承办人',
  ADMIN: '管理员',
};

export const roleScopeSchema = z.enum(['HALL', 'DEPARTMENT', 'GLOBAL']);
export type RoleScope = z.infer<typeof roleScopeSchema>;
export const roleScopeLabels: Record<RoleScope, string> = { HALL: '大厅', DEPARTMENT: '部门', GLOBAL: '全市' };

export const staffAccountStatusSchema = z.enum(['ACTIVE', 'DISABLED']);
export type StaffAccountStatus = z.infer<typeof staffAccountStatusSchema>;
export const staffAccountStatusLabels: Record<StaffAccountStatus, string> = { ACTIVE: '启用', DISABLED: '停用' };

export const windowKindSchema = z.enum(['COMPREHENSIVE', 'SPECIALISED']);
export type WindowKind = z.infer<typeof windowKindSchema>;
export const windowKindLabels: Record<WindowKind, string> = { COMPREHENSIVE: '综合窗口', SPECIALISED: '专业窗口' };

export const scheduleOverrideKindSchema = z.enum(['CLOSURE', 'EXTRA_DAY']);
export type ScheduleOverrideKind = z.infer<typeof scheduleOverrideKindSchema>;
export const scheduleOverrideKindLabels: Record<ScheduleOverrideKind, string> = { CLOSURE: '暂停开放', EXTRA_DAY: '临时加开' };

// ─── service-item guides ───

export const serviceItemTypeSchema = z.enum([
  'ADMINISTRATIVE_LICENSE',
  'ADMINISTRATIVE_BENEFIT',
  'ADMINISTRATIVE_CONFIRMATION',
  'ADMINISTRATIVE_LEVY',
  'PUBLIC_SERVICE',
  'OTHER',
]);
export type ServiceItemType = z.infer<typeof serviceItemTypeSchema>;
export const serviceItemTypeLabels: Record<ServiceItemType, string> = {
  ADMINISTRATIVE_LICENSE: '行政许可',
  ADMINISTRATIVE_BENEFIT: '行政给付',
  ADMINISTRATIVE_CONFIRMATION: '行政确认',
  ADMINISTRATIVE_LEVY: '行政征收',
  PUBLIC_SERVICE: '公共服务',
  OTHER: '其他',
};
/** The type abbreviation inside an item code (11331000MZ-QR-0001). */
export const serviceItemTypeCodes: Record<ServiceItemType, string> = {
  ADMINISTRATIVE_LICENSE: 'XK',
  ADMINISTRATIVE_BENEFIT: 'GF',
  ADMINISTRATIVE_CONFIRMATION: 'QR',
  ADMINISTRATIVE_LEVY: 'ZS',
  PUBLIC_SERVICE: 'GG',
  OTHER: 'QT',
};

export const serviceAudienceSchema = z.enum(['INDIVIDUAL', 'LEGAL_PERSON', 'BOTH']);
export type ServiceAudience = z.infer<typeof serviceAudienceSchema>;
export const serviceAudienceLabels: Record<ServiceAudience, string> = { INDIVIDUAL: '个人', LEGAL_PERSON: '法人', BOTH: '个人、法人' };

export const onlineDepthSchema = z.enum(['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4']);
export type OnlineDepth = z.infer<typeof onlineDepthSchema>;
export const onlineDepthLabels: Record<OnlineDepth, string> = { LEVEL_1: '一级', LEVEL_2: '二级', LEVEL_3: '三级', LEVEL_4: '四级' };

export const deliveryMethodSchema = z.enum(['WINDOW_PICKUP', 'MAIL', 'ELECTRONIC']);
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;
export const deliveryMethodLabels: Record<DeliveryMethod, string> = { WINDOW_PICKUP: '窗口领取', MAIL: '邮寄送达', ELECTRONIC: '电子送达' };

export const serviceItemStatusSchema = z.enum(['PUBLISHED', 'UNPUBLISHED']);
export type ServiceItemStatus = z.infer<typeof serviceItemStatusSchema>;
export const serviceItemStatusLabels: Record<ServiceItemStatus, string> = { PUBLISHED: '已发布', UNPUBLISHED: '未发布' };

export const materialFormSchema = z.enum(['ORIGINAL', 'COPY', 'ORIGINAL_AND_COPY', 'ELECTRONIC_LICENSE']);
export type MaterialForm = z.infer<typeof materialFormSchema>;
export const materialFormLabels: Record<MaterialForm, string> = {
  ORIGINAL: '原件',
  COPY: '复印件',
  ORIGINAL_AND_COPY: '原件及复印件',
  ELECTRONIC_LICENSE: '电子证照',
};

export const materialSourceSchema = z.enum(['APPLICANT', 'GOVERNMENT_ISSUED', 'OTHER']);
export type MaterialSource = z.infer<typeof materialSourceSchema>;
export const materialSourceLabels: Record<MaterialSource, string> = { APPLICANT: '申请人自备', GOVERNMENT_ISSUED: '政府部门核发', OTHER: '其他' };

export const guideErrorCategorySchema = z.enum(['MATERIALS', 'PROCEDURE', 'TIME_LIMIT', 'FEE', 'CONTACT', 'OTHER']);
export type GuideErrorCategory = z.infer<typeof guideErrorCategorySchema>;
export const guideErrorCategoryLabels: Record<GuideErrorCategory, string> = {
  MATERIALS: '申请材料',
  PROCEDURE: '办理流程',
  TIME_LIMIT: '办理时限',
  FEE: '收费',
  CONTACT: '地点和电话',
  OTHER: '其他',
};

export const guideErrorReportStatusSchema = z.enum(['PENDING', 'ANSWERED', 'CLOSED']);
export type GuideErrorReportStatus = z.infer<typeof guideErrorReportStatusSchema>;
export const guideErrorReportStatusLabels: Record<GuideErrorReportStatus, string> = { PENDING: '待处理', ANSWERED: '已答复', CLOSED: '已关闭' };

// ─── appointments, fees, ratings ───

export const appointmentStatusSchema = z.enum(['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING', 'COMPLETED', 'CANCELLED', 'NO_SHOW']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;
export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  BOOKED: '已预约',
  CHECKED_IN: '已签到',
  CALLED: '已叫号',
  SERVING: '办理中',
  COMPLETED: '已办结',
  CANCELLED: '已取消',
  NO_SHOW: '未到场',
};
/** Statuses in which an appointment holds its slot (activeDayKey / activeSeat are set). */
export const activeAppointmentStatuses: readonly AppointmentStatus[] = ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING'];

export const cancellationActorSchema = z.enum(['RESIDENT', 'HALL', 'SYSTEM']);
export type CancellationActor = z.infer<typeof cancellationActorSchema>;
export const cancellationActorLabels: Record<CancellationActor, string> = { RESIDENT: '本人取消', HALL: '大厅取消', SYSTEM: '系统取消' };

export const actorTypeSchema = z.enum(['RESIDENT', 'STAFF', 'SYSTEM']);
export type ActorType = z.infer<typeof actorTypeSchema>;
export const actorTypeLabels: Record<ActorType, string> = { RESIDENT: '居民', STAFF: '工作人员', SYSTEM: '系统' };

export const preReviewStatusSchema = z.enum(['PENDING', 'PASSED', 'NEEDS_CORRECTION']);
export type PreReviewStatus = z.infer<typeof preReviewStatusSchema>;
export const preReviewStatusLabels: Record<PreReviewStatus, string> = { PENDING: '待预审', PASSED: '预审通过', NEEDS_CORRECTION: '需补正' };

export const feeOrderStatusSchema = z.enum(['CREATED', 'PAYING', 'PAID', 'CLOSED', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED']);
export type FeeOrderStatus = z.infer<typeof feeOrderStatusSchema>;
export const feeOrderStatusLabels: Record<FeeOrderStatus, string> = {
  CREATED: '待支付',
  PAYING: '支付中',
  PAID: '已支付',
  CLOSED: '已关闭',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
  REFUND_FAILED: '退款失败',
};

export const refundStatusSchema = z.enum(['PENDING', 'PROCESSING', 'SUCCEEDED', 'CLOSED', 'ABNORMAL']);
export type RefundStatus = z.infer<typeof refundStatusSchema>;
export const refundStatusLabels: Record<RefundStatus, string> = {
  PENDING: '待退款',
  PROCESSING: '退款处理中',
  SUCCEEDED: '退款成功',
  CLOSED: '退款关闭',
  ABNORMAL: '退款异常',
};

export const paymentNotificationStatusSchema = z.enum(['RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED']);
export type PaymentNotificationStatus = z.infer<typeof paymentNotificationStatusSchema>;
export const paymentNotificationStatusLabels: Record<PaymentNotificationStatus, string> = {
  RECEIVED: '已接收',
  PROCESSED: '已处理',
  IGNORED: '已忽略',
  FAILED: '处理失败',
};

export const ratingLevelSchema = z.enum(['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED']);
export type RatingLevel = z.infer<typeof ratingLevelSchema>;
export const ratingLevelLabels: Record<RatingLevel, string> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};
/** 差评: these levels open a follow-up (回访). */
export const followUpRatingLevels: readonly RatingLevel[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];

export const followUpStatusSchema = z.enum(['OPEN', 'FIXED', 'EXPLAINED']);
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;
export const followUpStatusLabels: Record<FollowUpStatus, string> = { OPEN: '待回访', FIXED: '已整改', EXPLAINED: '已解释说明' };

// ─── leadership mailbox ───

export const mailboxKindSchema = z.enum(['LEADER', 'DEPARTMENT']);
export type MailboxKind = z.infer<typeof mailboxKindSchema>;
export const mailboxKindLabels: Record<MailboxKind, string> = { LEADER: '领导信箱', DEPARTMENT: '部门信箱' };

export const letterTypeSchema = z.enum(['CONSULT', 'SUGGEST', 'COMPLAIN', 'HELP', 'REPORT']);
export type LetterType = z.infer<typeof letterTypeSchema>;
export const letterTypeLabels: Record<LetterType, string> = { CONSULT: '咨询', SUGGEST: '建议', COMPLAIN: '投诉', HELP: '求助', REPORT: '举报' };

export const letterStatusSchema = z.enum([
  'SUBMITTED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'ASSIGNED',
  'RETURNED',
  'REPLY_DRAFTED',
  'REPLIED',
  'CLOSED',
  'REOPENED',
]);
export type LetterStatus = z.infer<typeof letterStatusSchema>;
export const letterStatusLabels: Record<LetterStatus, string> = {
  SUBMITTED: '待受理',
  ACCEPTED: '已受理',
  NOT_ACCEPTED: '不予受理',
  ASSIGNED: '办理中',
  RETURNED: '已退回',
  REPLY_DRAFTED: '答复审核中',
  REPLIED: '已答复',
  CLOSED: '已办结',
  REOPENED: '重新办理',
};

export const letterActionSchema = z.enum([
  'SUBMIT',
  'ACCEPT',
  'NOT_ACCEPT',
  'ASSIGN',
  'REASSIGN',
  'RETURN',
  'DRAFT_REPLY',
  'APPROVE_REPLY',
  'SEND_BACK_REPLY',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'REJECT_EXTENSION',
  'RATE',
  'CLOSE',
  'REOPEN',
  'PUBLISH',
  'UNPUBLISH',
  'MERGE',
  'EDIT_PUBLIC_TEXT',
]);
export type LetterAction = z.infer<typeof letterActionSchema>;
export const letterActionLabels: Record<LetterAction, string> = {
  SUBMIT: '提交来信',
  ACCEPT: '受理',
  NOT_ACCEPT: '不予受理',
  ASSIGN: '转办',
  REASSIGN: '重新转办',
  RETURN: '退回',
  DRAFT_REPLY: '提交答复',
  APPROVE_REPLY: '审核通过答复',
  SEND_BACK_REPLY: '退回修改答复',
  REQUEST_SUPPLEMENT: '请来信人补充材料',
  SUPPLEMENT: '补充材料',
  REQUEST_EXTENSION: '申请延期',
  APPROVE_EXTENSION: '同意延期',
  REJECT_EXTENSION: '不同意延期',
  RATE: '评价',
  CLOSE: '办结',
  REOPEN: '重新办理',
  PUBLISH: '公开',
  UNPUBLISH: '撤回公开',
  MERGE: '合并',
  EDIT_PUBLIC_TEXT: '编辑公开文本',
};

export const letterSatisfactionSchema = z.enum(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']);
export type LetterSatisfaction = z.infer<typeof letterSatisfactionSchema>;
export const letterSatisfactionLabels: Record<LetterSatisfaction, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

export const letterReplyStatusSchema = z.enum(['DRAFT', 'SUBMITTED', 'APPROVED', 'SENT_BACK']);
export type LetterReplyStatus = z.infer<typeof letterReplyStatusSchema>;
export const letterReplyStatusLabels: Record<LetterReplyStatus, string> = { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已通过', SENT_BACK: '已退回修改' };

export const extensionStatusSchema = z.enum(['PENDING', 'APPROVED', 'REJECTED']);
export type ExtensionStatus = z.infer<typeof extensionStatusSchema>;
export const extensionStatusLabels: Record<ExtensionStatus, string> = { PENDING: '待审批', APPROVED: '已同意', REJECTED: '未同意' };

export const contentCheckStatusSchema = z.enum(['PENDING', 'PASS', 'REVIEW', 'RISKY']);
export type ContentCheckStatus = z.infer<typeof contentCheckStatusSchema>;
export const contentCheckStatusLabels: Record<ContentCheckStatus, string> = { PENDING: '检测中', PASS: '通过', REVIEW: '待人工复核', RISKY: '未通过' };

// ─── consultations ───

export const consultationStatusSchema = z.enum(['DRAFT', 'OPEN', 'CLOSED', 'FEEDBACK_PUBLISHED']);
export type ConsultationStatus = z.infer<typeof consultationStatusSchema>;
export const consultationStatusLabels: Record<ConsultationStatus, string> = {
  DRAFT: '草稿',
  OPEN: '征集中',
  CLOSED: '已结束',
  FEEDBACK_PUBLISHED: '已反馈',
};

export const opinionStatusSchema = z.enum(['SUBMITTED', 'ANSWERED', 'PUBLISHED']);
export type OpinionStatus = z.infer<typeof opinionStatusSchema>;
export const opinionStatusLabels: Record<OpinionStatus, string> = { SUBMITTED: '已提交', ANSWERED: '已处理', PUBLISHED: '已反馈' };

export const opinionOutcomeKindSchema = z.enum(['ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'MERGED']);
export type OpinionOutcomeKind = z.infer<typeof opinionOutcomeKindSchema>;
export const opinionOutcomeKindLabels: Record<OpinionOutcomeKind, string> = {
  ADOPTED: '采纳',
  PARTIALLY_ADOPTED: '部分采纳',
  NOT_ADOPTED: '不予采纳',
  MERGED: '合并处理',
};

// ─── notifications and platform ───

export const notificationEventSchema = z.enum([
  'BOOKING_CONFIRMED',
  'BOOKING_REMINDER',
  'BOOKING_CALLED',
  'BOOKING_CANCELLED_BY_HALL',
  'BOOKING_PAUSED',
  'PRE_REVIEW_RESULT',
  'FEE_ORDER_ISSUED',
  'PAYMENT_SUCCEEDED',
  'PAYMENT_REFUNDED',
  'RATING_REQUEST',
  'RATING_FOLLOW_UP_CREATED',
  'LETTER_ACCEPTED',
  'LETTER_NOT_ACCEPTED',
  'LETTER_ASSIGNED',
  'LETTER_RETURNED',
  'LETTER_REPLY_SUBMITTED',
  'LETTER_REPLIED',
  'LETTER_EXTENDED',
  'LETTER_SUPPLEMENT_REQUESTED',
  'LETTER_DEADLINE_WARNING',
  'LETTER_OVERDUE',
  'LETTER_SENT_BACK',
  'LETTER_EXTENSION_REQUESTED',
  'LETTER_SUPPLEMENTED',
  'LETTER_PUBLISHED',
  'OPINION_OUTCOME_PUBLISHED',
  'GUIDE_ERROR_REPORTED',
  'GUIDE_ERROR_ANSWERED',
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;
export const notificationEventLabels: Record<NotificationEvent, string> = {
  BOOKING_CONFIRMED: '预约成功',
  BOOKING_REMINDER: '预约提醒',
  BOOKING_CALLED: '叫号提醒',
  BOOKING_CANCELLED_BY_HALL: '预约已被大厅取消',
  BOOKING_PAUSED: '预约功能暂停',
  PRE_REVIEW_RESULT: '材料预审结果',
  FEE_ORDER_ISSUED: '缴费通知',
  PAYMENT_SUCCEEDED: '缴费成功',
  PAYMENT_REFUNDED: '退款成功',
  RATING_REQUEST: '邀请评价',
  RATING_FOLLOW_UP_CREATED: '差评回访任务',
  LETTER_ACCEPTED: '来信已受理',
  LETTER_NOT_ACCEPTED: '来信不予受理',
  LETTER_ASSIGNED: '来信转办',
  LETTER_RETURNED: '来信被退回',
  LETTER_REPLY_SUBMITTED: '答复待审核',
  LETTER_REPLIED: '来信已答复',
  LETTER_EXTENDED: '来信办理延期',
  LETTER_SUPPLEMENT_REQUESTED: '请补充来信材料',
  LETTER_DEADLINE_WARNING: '来信即将超期',
  LETTER_OVERDUE: '来信已超期',
  LETTER_SENT_BACK: '答复被退回修改',
  LETTER_EXTENSION_REQUESTED: '来信延期申请',
  LETTER_SUPPLEMENTED: '来信人已补充材料',
  LETTER_PUBLISHED: '来信已公开选登',
  OPINION_OUTCOME_PUBLISHED: '意见采纳情况反馈',
  GUIDE_ERROR_REPORTED: '指南纠错待处理',
  GUIDE_ERROR_ANSWERED: '指南纠错已答复',
};

export const outboxStatusSchema = z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED']);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;
export const outboxStatusLabels: Record<OutboxStatus, string> = { PENDING: '待发送', SENT: '已发送', FAILED: '发送失败', SKIPPED: '仅站内消息' };

export const calendarDayKindSchema = z.enum(['HOLIDAY', 'WORKDAY']);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;
export const calendarDayKindLabels: Record<CalendarDayKind, string> = { HOLIDAY: '节假日', WORKDAY: '调休上班' };

export const calendarSourceSchema = z.enum(['SEED', 'ADMIN']);
export type CalendarSource = z.infer<typeof calendarSourceSchema>;
export const calendarSourceLabels: Record<CalendarSource, string> = { SEED: '内置日历', ADMIN: '管理员维护' };

export const privacyConsentKindSchema = z.enum(['PRIVACY_POLICY', 'PHONE_NUMBER', 'IMAGES']);
export type PrivacyConsentKind = z.infer<typeof privacyConsentKindSchema>;
export const privacyConsentKindLabels: Record<PrivacyConsentKind, string> = { PRIVACY_POLICY: '隐私保护指引', PHONE_NUMBER: '手机号', IMAGES: '相册与相机' };

/** Every shared enum under the name of the Prisma enum it mirrors (for the consistency test). */
export const prismaEnumSchemas = {
  Role: roleSchema,
  RoleScope: roleScopeSchema,
  StaffAccountStatus: staffAccountStatusSchema,
  WindowKind: windowKindSchema,
  ScheduleOverrideKind: scheduleOverrideKindSchema,
  ServiceItemType: serviceItemTypeSchema,
  ServiceAudience: serviceAudienceSchema,
  OnlineDepth: onlineDepthSchema,
  DeliveryMethod: deliveryMethodSchema,
  ServiceItemStatus: serviceItemStatusSchema,
  MaterialForm: materialFormSchema,
  MaterialSource: materialSourceSchema,
  GuideErrorCategory: guideErrorCategorySchema,
  GuideErrorReportStatus: guideErrorReportStatusSchema,
  AppointmentStatus: appointmentStatusSchema,
  CancellationActor: cancellationActorSchema,
  ActorType: actorTypeSchema,
  PreReviewStatus: preReviewStatusSchema,
  FeeOrderStatus: feeOrderStatusSchema,
  RefundStatus: refundStatusSchema,
  PaymentNotificationStatus: paymentNotificationStatusSchema,
  RatingLevel: ratingLevelSchema,
  FollowUpStatus: followUpStatusSchema,
  MailboxKind: mailboxKindSchema,
  LetterType: letterTypeSchema,
  LetterStatus: letterStatusSchema,
  LetterAction: letterActionSchema,
  LetterSatisfaction: letterSatisfactionSchema,
  LetterReplyStatus: letterReplyStatusSchema,
  ExtensionStatus: extensionStatusSchema,
  ContentCheckStatus: contentCheckStatusSchema,
  ConsultationStatus: consultationStatusSchema,
  OpinionStatus: opinionStatusSchema,
  OpinionOutcomeKind: opinionOutcomeKindSchema,
  NotificationEvent: notificationEventSchema,
  OutboxStatus: outboxStatusSchema,
  CalendarDayKind: calendarDayKindSchema,
  CalendarSource: calendarSourceSchema,
  PrivacyConsentKind: privacyConsentKindSchema,
} as const;
