import { NotificationEvent } from '@govpocket/db';
import { isMiniProgramPage } from '@govpocket/shared';
import { formatFieldValue, type FieldValue } from './field-format';
import type { StoredPayload } from './payloads';

/**
 * Which WeChat subscribe-message template carries an event, and how the event's payload fills the
 * template's fields. The defaults below match the demo templates of the fake WeChat
 * (fake-wechat/src/options.ts); a NotificationTemplate row for an event replaces its default, so an
 * admin can bind production template ids (or switch an event off) without a deploy. Events with
 * neither reach the message centre only.
 */
export type FieldSource = { path: string; fallback?: string };

export type SubscribeTemplate = {
  event: NotificationEvent;
  templateId: string;
  /** Mini-program page opened from the message; `{key}` is replaced with the payload's value. */
  page: string | null;
  isLongTerm: boolean;
  isEnabled: boolean;
  /** Template key (its type is the prefix: thing1, time2 …) → where the value comes from. */
  fields: Record<string, FieldSource>;
};

/** A NotificationTemplate row as the repository hands it over. */
export type TemplateRow = { eventType: NotificationEvent; wechatTemplateId: string; isLongTerm: boolean; page: string | null; fieldMap: unknown; isEnabled: boolean };

type Default = Omit<SubscribeTemplate, 'event' | 'isEnabled' | 'isLongTerm'> & { isLongTerm?: boolean };

const field = (path: string, fallback?: string): FieldSource => (fallback === undefined ? { path } : { path, fallback });

const letterProgress = (status: string, remark: FieldSource, at: string): Default => ({
  templateId: 'TPL_LETTER_REPLIED',
  page: null,
  fields: { thing1: field('subject'), phrase2: field('statusText', status), time3: field(at), thing4: remark },
});

export const defaultTemplates: Partial<Record<NotificationEvent, Default>> = {
  BOOKING_CONFIRMED: {
    templateId: 'TPL_BOOKING_CONFIRMED',
    page: null,
    fields: { thing1: field('itemName'), time2: field('slotStart'), thing3: field('hallName'), character_string4: field('bookingNo'), thing5: field('remark', '请携带有效证件按时到场') },
  },
  BOOKING_REMINDER: {
    templateId: 'TPL_BOOKING_REMINDER',
    page: null,
    fields: { thing1: field('itemName'), time2: field('slotStart'), thing3: field('hallName'), thing4: field('remark', '请携带所需材料按时到场') },
  },
  BOOKING_CALLED: {
    templateId: 'TPL_BOOKING_REMINDER',
    page: null,
    fields: { thing1: field('itemName'), time2: field('calledAt'), thing3: field('windowName'), thing4: field('remark', '已叫到您的号，请前往窗口办理') },
  },
  BOOKING_CANCELLED_BY_HALL: {
    templateId: 'TPL_BOOKING_CANCELLED',
    page: null,
    fields: { thing1: field('itemName'), time2: field('slotStart'), thing3: field('reason', '大厅临时调整') },
  },
  PRE_REVIEW_RESULT: {
    templateId: 'TPL_PRE_REVIEW_RESULT',
    page: null,
    fields: { thing1: field('itemName'), phrase2: field('resultText'), thing3: field('comment', '详情请在小程序中查看'), time4: field('reviewedAt') },
  },
  FEE_ORDER_ISSUED: {
    templateId: 'TPL_FEE_ORDER_ISSUED',
    page: null,
    fields: { thing1: field('itemName'), amount2: field('amountFen'), character_string3: field('orderNo'), time4: field('issuedAt') },
  },
  PAYMENT_SUCCEEDED: {
    templateId: 'TPL_PAYMENT_RESULT',
    page: null,
    fields: { thing1: field('itemName'), amount2: field('amountFen'), phrase3: field('statusText', '支付成功'), time4: field('paidAt') },
  },
  PAYMENT_REFUNDED: {
    templateId: 'TPL_PAYMENT_RESULT',
    page: null,
    fields: { thing1: field('itemName'), amount2: field('amountFen'), phrase3: field('statusText', '已退款'), time4: field('refundedAt') },
  },
  LETTER_ACCEPTED: letterProgress('已受理', field('remark', '我们将尽快办理并答复'), 'acceptedAt'),
  LETTER_NOT_ACCEPTED: letterProgress('不予受理', field('reason'), 'decidedAt'),
  LETTER_REPLIED: letterProgress('已答复', field('departmentName'), 'repliedAt'),
  LETTER_EXTENDED: letterProgress('延期办理', field('reason'), 'extendedAt'),
  LETTER_SUPPLEMENT_REQUESTED: letterProgress('待补充', field('request'), 'requestedAt'),
  LETTER_PUBLISHED: letterProgress('已公开', field('remark', '个人信息已隐去'), 'publishedAt'),
};

/** `{ "thing1": "itemName", "thing5": { "path": "remark", "fallback": "…" } }`; null when malformed. */
export function parseFieldMap(json: unknown): Record<string, FieldSource> | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const fields: Record<string, FieldSource> = {};
  for (const [key, value] of Object.entries(json)) {
    if (!/^[a-z_]+\d+$/.test(key)) return null;
    if (typeof value === 'string' && value !== '') fields[key] = field(value);
    else if (typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string') {
      const fallback = 'fallback' in value && typeof value.fallback === 'string' ? value.fallback : undefined;
      fields[key] = field(value.path, fallback);
    } else return null;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

export type TemplateRegistry = {
  forEvent: (event: NotificationEvent) => SubscribeTemplate | null;
  /** Whether WeChat counts acceptances of this template as long-term (unknown ids: no). */
  isLongTermTemplate: (templateId: string) => boolean;
  /** Enabled templates and the events each carries, for the mini-program to ask about. */
  templates: () => Array<{ templateId: string; isLongTerm: boolean; events: NotificationEvent[] }>;
};

/** Rows override defaults event by event; a row with a malformed fieldMap keeps the default's fields. */
export function createTemplateRegistry(rows: TemplateRow[], onInvalidRow: (row: TemplateRow) => void = () => undefined): TemplateRegistry {
  const byEvent = new Map<NotificationEvent, SubscribeTemplate>();
  for (const event of Object.values(NotificationEvent)) {
    const template = defaultTemplates[event];
    if (template) byEvent.set(event, { ...template, event, isLongTerm: template.isLongTerm ?? false, isEnabled: true });
  }
  for (const row of rows) {
    const parsed = parseFieldMap(row.fieldMap);
    if (!parsed) onInvalidRow(row);
    const fields = parsed ?? byEvent.get(row.eventType)?.fields;
    if (fields) byEvent.set(row.eventType, { event: row.eventType, templateId: row.wechatTemplateId, page: row.page, isLongTerm: row.isLongTerm, isEnabled: row.isEnabled, fields });
    else byEvent.delete(row.eventType);
  }
  const enabled = [...byEvent.values()].filter((template) => template.isEnabled);
  return {
    forEvent: (event) => {
      const template = byEvent.get(event);
      return template?.isEnabled ? template : null;
    },
    isLongTermTemplate: (templateId) => enabled.some((template) => template.templateId === templateId && template.isLongTerm),
    templates: () => {
      const grouped = new Map<string, { templateId: string; isLongTerm: boolean; events: NotificationEvent[] }>();
      for (const template of enabled) {
        const entry = grouped.get(template.templateId) ?? { templateId: template.templateId, isLongTerm: false, events: [] };
        entry.isLongTerm ||= template.isLongTerm;
        entry.events.push(template.event);
        grouped.set(template.templateId, entry);
      }
      return [...grouped.values()];
    },
  };
}

/** A field WeChat would reject: a producer bug, recorded on the outbox row rather than retried. */
export class TemplateDataError extends Error {
  constructor(readonly fields: string[]) {
    super(`no valid value for template field(s) ${fields.join(', ')}`);
    this.name = 'TemplateDataError';
  }
}

function valueAt(payload: StoredPayload, path: string): FieldValue {
  return payload[path];
}

/** The `data` of the subscribe message, every value shaped to its key's rule. */
export function buildSubscribeData(template: SubscribeTemplate, payload: StoredPayload): Record<string, string> {
  const data: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, source] of Object.entries(template.fields)) {
    const value = formatFieldValue(key, valueAt(payload, source.path)) ?? (source.fallback === undefined ? null : formatFieldValue(key, source.fallback));
    if (value === null) missing.push(key);
    else data[key] = value;
  }
  if (missing.length > 0) throw new TemplateDataError(missing);
  return data;
}

/**
 * The page with `{key}` placeholders filled (URL-encoded); the payload's own link wins. A page the
 * mini-program does not have is left out (the message then opens the mini-program's home), since
 * WeChat refuses the whole message for it (41030).
 */
export function buildPage(template: SubscribeTemplate, payload: StoredPayload): string | undefined {
  const link = payload.link;
  const page = typeof link === 'string' && link !== '' ? link : template.page?.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(payload[key] ?? '')));
  return page && isMiniProgramPage(page) ? page : undefined;
}
