import type { NotificationEvent } from '@govpocket/db';
import { isMiniProgramPage } from '@govpocket/shared';
import { formatChineseDate, formatChineseDateTime, formatYuan, truncate } from './field-format';
import type { NotificationPayloads } from './payloads';

/**
 * The message-centre text of each event, in Chinese, rendered once when the event is enqueued (the
 * in-app row is written in the producer's transaction). Every event has a renderer: the mapped
 * type makes a new NotificationEvent value a compile error here until it has its text.
 */
export type InAppMessage = { title: string; body: string; link: string | null };

const titleMax = 64;
const bodyMax = 500;
const linkMax = 255;

function when(value: Date | string | undefined): string {
  if (value === undefined) return '';
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? String(value) : formatChineseDateTime(instant);
}

function day(value: Date | string): string {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? String(value) : formatChineseDate(instant);
}

function yuan(fen: number): string {
  return formatYuan(fen) ?? `${fen / 100}元`;
}

type Text = { title: string; body: string };
type Renderers = { [E in NotificationEvent]: (payload: NotificationPayloads[E]) => Text };

const renderers: Renderers = {
  BOOKING_CONFIRMED: (p) => ({ title: '预约成功', body: `您已预约${p.itemName}，时间${when(p.slotStart)}，地点${p.hallName}。签到码${p.bookingNo}，请按时到场并向窗口出示。` }),
  BOOKING_REMINDER: (p) => ({ title: '预约提醒', body: `您预约的${p.itemName}将于${when(p.slotStart)}在${p.hallName}办理，${p.remark ?? '请携带所需材料按时到场'}。` }),
  BOOKING_CALLED: (p) => ({ title: '叫号提醒', body: `您的号码${p.ticketNo}（${p.itemName}）已叫号，请前往${p.windowName}办理。` }),
  BOOKING_CANCELLED_BY_HALL: (p) => ({ title: '预约已被大厅取消', body: `很抱歉，您${when(p.slotStart)}在${p.hallName}的${p.itemName}预约已被取消，原因：${p.reason}。您可以重新预约。` }),
  BOOKING_PAUSED: (p) => ({ title: '预约功能暂停', body: `因${p.reason}，您的在线预约功能暂停至${day(p.pausedUntil)}。` }),
  PRE_REVIEW_RESULT: (p) => ({ title: '材料预审结果', body: `您提交的${p.itemName}材料预审结果：${p.resultText}。${p.comment ? `审核意见：${p.comment}` : ''}` }),
  FEE_ORDER_ISSUED: (p) => ({ title: '缴费通知', body: `您办理的${p.itemName}需缴费${yuan(p.amountFen)}，订单号${p.orderNo}${p.dueAt ? `，请于${when(p.dueAt)}前完成支付` : ''}。` }),
  PAYMENT_SUCCEEDED: (p) => ({ title: '缴费成功', body: `您已成功缴纳${p.itemName}费用${yuan(p.amountFen)}，支付时间${when(p.paidAt)}。` }),
  PAYMENT_REFUNDED: (p) => ({ title: '退款成功', body: `您的${p.itemName}费用${yuan(p.amountFen)}已于${when(p.refundedAt)}原路退回，请注意查收。` }),
  RATING_REQUEST: (p) => ({ title: '邀请评价', body: `您在${p.hallName}办理的${p.itemName}已完成，欢迎对本次服务进行评价。` }),
  RATING_FOLLOW_UP_CREATED: (p) => ({ title: '差评回访任务', body: `${p.hallName}的${p.itemName}收到${p.score}星评价，请及时回访。` }),
  LETTER_ACCEPTED: (p) => ({ title: '来信已受理', body: `您的来信“${p.subject}”（编号${p.letterNo}）已受理，预计${day(p.dueAt)}前答复。` }),
  LETTER_NOT_ACCEPTED: (p) => ({ title: '来信不予受理', body: `您的来信“${p.subject}”（编号${p.letterNo}）不予受理，原因：${p.reason}。` }),
  LETTER_ASSIGNED: (p) => ({ title: '来信转办', body: `来信“${p.subject}”（编号${p.letterNo}）已转${p.departmentName}办理，请于${day(p.dueAt)}前答复。` }),
  LETTER_RETURNED: (p) => ({ title: '来信被退回', body: `${p.departmentName}退回了来信“${p.subject}”（编号${p.letterNo}），原因：${p.reason}。` }),
  LETTER_REPLY_SUBMITTED: (p) => ({ title: '答复待审核', body: `${p.departmentName}已提交来信“${p.subject}”（编号${p.letterNo}）的答复，请审核。` }),
  LETTER_REPLIED: (p) => ({ title: '来信已答复', body: `您的来信“${p.subject}”（编号${p.letterNo}）已由${p.departmentName}答复，请查看。` }),
  LETTER_EXTENDED: (p) => ({ title: '来信办理延期', body: `您的来信“${p.subject}”（编号${p.letterNo}）办理期限延长至${day(p.newDueAt)}，原因：${p.reason}。` }),
  LETTER_SUPPLEMENT_REQUESTED: (p) => ({ title: '请补充来信材料', body: `您的来信“${p.subject}”（编号${p.letterNo}）需要补充：${p.request}。` }),
  LETTER_DEADLINE_WARNING: (p) => ({ title: '来信即将超期', body: `来信“${p.subject}”（编号${p.letterNo}）将于${when(p.dueAt)}到期，请尽快办理。` }),
  LETTER_SENT_BACK: (p) => ({ title: '答复被退回修改', body: `来信“${p.subject}”（编号${p.letterNo}）的答复稿被退回，意见：${p.comment}。请修改后重新提交。` }),
  LETTER_EXTENSION_REQUESTED: (p) => ({ title: '来信延期申请', body: `${p.departmentName}申请将来信“${p.subject}”（编号${p.letterNo}）延期${p.days}个工作日，理由：${p.reason}。请审核。` }),
  LETTER_SUPPLEMENTED: (p) => ({ title: '来信人已补充材料', body: `来信“${p.subject}”（编号${p.letterNo}）的来信人已于${when(p.answeredAt)}补充材料，办理时限恢复计算。` }),
  LETTER_PUBLISHED: (p) => ({ title: '来信已公开选登', body: `您的来信“${p.subject}”（编号${p.letterNo}）及答复已按您的同意在信件选登中公开，个人信息已隐去。` }),
  LETTER_OVERDUE: (p) => ({ title: '来信已超期', body: `来信“${p.subject}”（编号${p.letterNo}）已于${when(p.dueAt)}超期，请立即办理。` }),
  OPINION_OUTCOME_PUBLISHED: (p) => ({ title: '意见采纳情况反馈', body: `您对“${p.consultationTitle}”提出的意见处理结果：${p.outcomeText}。` }),
  GUIDE_ERROR_REPORTED: (p) => ({ title: '指南纠错待处理', body: `收到关于“${p.itemName}”办事指南的纠错，请核实处理。` }),
  GUIDE_ERROR_ANSWERED: (p) => ({ title: '指南纠错已答复', body: `您对“${p.itemName}”办事指南的纠错已答复：${p.answer}` }),
};

export function renderInAppMessage<E extends NotificationEvent>(event: E, payload: NotificationPayloads[E]): InAppMessage {
  const render: (payload: NotificationPayloads[E]) => Text = renderers[event];
  const { title, body } = render(payload);
  // Only a page the mini-program has: anything else would answer 该页面暂未开放 when tapped.
  const link = payload.link && [...payload.link].length <= linkMax && isMiniProgramPage(payload.link) ? payload.link : null;
  return { title: truncate(title, titleMax), body: truncate(body, bodyMax), link };
}
