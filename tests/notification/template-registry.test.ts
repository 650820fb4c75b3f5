import { NotificationEvent } from '@govpocket/db';
import { defaultSubscribeTemplates } from '@govpocket/fake-wechat';
import { isValidTemplateValue } from '../../fake-wechat/src/mini-program/subscribe-value-rules';
import { renderInAppMessage } from '../../bff/src/modules/notification/in-app-renderer';
import { toStoredPayload, type NotificationPayloads } from '../../bff/src/modules/notification/payloads';
import { buildPage, buildSubscribeData, createTemplateRegistry, defaultTemplates, parseFieldMap, TemplateDataError } from '../../bff/src/modules/notification/template-registry';

const slotStart = new Date('2026-11-23T01:30:00Z');
const letter = { letterId: 'l1', letterNo: 'XF20261122001', subject: '关于清江路夜间施工噪音扰民的问题反映' };

/** One realistic payload per event: the renderer and the default field maps must handle them all. */
const samples: { [E in NotificationEvent]: NotificationPayloads[E] } = {
  BOOKING_CONFIRMED: { appointmentId: 'a1', itemName: '不动产登记（二手房转移登记）', hallName: '清江市政务服务中心', slotStart, bookingNo: 'QJ20261123-0042' },
  BOOKING_REMINDER: { appointmentId: 'a1', itemName: '户籍迁移', hallName: '城东分中心', slotStart },
  BOOKING_CALLED: { appointmentId: 'a1', itemName: '户籍迁移', ticketNo: 'A012', windowName: '3号窗口', calledAt: slotStart },
  BOOKING_CANCELLED_BY_HALL: { appointmentId: 'a1', itemName: '户籍迁移', hallName: '城东分中心', slotStart, reason: '系统升级暂停办理' },
  BOOKING_PAUSED: { pausedUntil: '2026-12-22', reason: '30天内三次爽约' },
  PRE_REVIEW_RESULT: { appointmentId: 'a1', itemName: '营业执照变更', resultText: '需要补正', comment: '身份证复印件不清晰', reviewedAt: slotStart },
  FEE_ORDER_ISSUED: { feeOrderId: 'f1', itemName: '不动产登记费', amountFen: 8000, orderNo: 'FEE202611220001', issuedAt: slotStart },
  PAYMENT_SUCCEEDED: { feeOrderId: 'f1', itemName: '不动产登记费', amountFen: 8000, paidAt: slotStart },
  PAYMENT_REFUNDED: { feeOrderId: 'f1', itemName: '不动产登记费', amountFen: 8000, refundedAt: slotStart },
  RATING_REQUEST: { appointmentId: 'a1', itemName: '户籍迁移', hallName: '城东分中心' },
  RATING_FOLLOW_UP_CREATED: { ratingId: 'r1', itemName: '户籍迁移', hallName: '城东分中心', score: 1 },
  LETTER_ACCEPTED: { ...letter, acceptedAt: slotStart, dueAt: '2026-12-08' },
  LETTER_NOT_ACCEPTED: { ...letter, reason: '不属于本信箱受理范围', decidedAt: slotStart },
  LETTER_ASSIGNED: { ...letter, departmentName: '市住建局', dueAt: '2026-12-08' },
  LETTER_RETURNED: { ...letter, departmentName: '市住建局', reason: '非本部门职责', returnedAt: slotStart },
  LETTER_REPLY_SUBMITTED: { ...letter, departmentName: '市住建局', submittedAt: slotStart },
  LETTER_REPLIED: { ...letter, departmentName: '市住建局', repliedAt: slotStart },
  LETTER_EXTENDED: { ...letter, newDueAt: '2026-12-22', reason: '需现场核查', extendedAt: slotStart },
  LETTER_SUPPLEMENT_REQUESTED: { ...letter, request: '请补充施工地点的具体门牌号', requestedAt: slotStart },
  LETTER_DEADLINE_WARNING: { ...letter, dueAt: slotStart },
  LETTER_OVERDUE: { ...letter, dueAt: slotStart },
  LETTER_SENT_BACK: { ...letter, comment: '请补充办理依据', sentBackAt: slotStart },
  LETTER_EXTENSION_REQUESTED: { ...letter, departmentName: '市住建局', days: 10, reason: '需现场核查', requestedAt: slotStart },
  LETTER_SUPPLEMENTED: { ...letter, answeredAt: slotStart },
  LETTER_PUBLISHED: { ...letter, publishedAt: slotStart },
  OPINION_OUTCOME_PUBLISHED: { consultationId: 'c1', consultationTitle: '清江市养犬管理条例（征求意见稿）', outcomeText: '部分采纳', publishedAt: slotStart },
  GUIDE_ERROR_REPORTED: { reportId: 'g1', itemName: '户籍迁移' },
  GUIDE_ERROR_ANSWERED: { reportId: 'g1', itemName: '户籍迁移', answer: '已更正所需材料清单，感谢您的反馈。' },
};

describe('in-app messages', () => {
  it('renders the booking confirmation as the domain describes it', () => {
    const message = renderInAppMessage('BOOKING_CONFIRMED', samples.BOOKING_CONFIRMED);
    expect(message.title).toBe('预约成功');
    expect(message.body).toContain('您已预约不动产登记（二手房转移登记），时间2026年11月23日 09:30，地点清江市政务服务中心');
  });

  it('has Chinese text for every event, within the column sizes', () => {
    for (const event of Object.values(NotificationEvent)) {
      const message = renderInAppMessage(event, samples[event]);
      expect(message.title).toMatch(/\p{Script=Han}/u);
      expect(message.body).toMatch(/\p{Script=Han}/u);
      expect(message.body).not.toMatch(/undefined|NaN|Invalid Date/);
      expect([...message.title].length).toBeLessThanOrEqual(64);
      expect([...message.body].length).toBeLessThanOrEqual(500);
    }
  });

  it('cuts an overlong body and drops an overlong link', () => {
    const message = renderInAppMessage('GUIDE_ERROR_ANSWERED', { reportId: 'g', itemName: '户籍', answer: '很长'.repeat(400), link: `pages/index/index?${'a'.repeat(300)}` });
    expect([...message.body]).toHaveLength(500);
    expect(message.body.endsWith('…')).toBe(true);
    expect(message.link).toBeNull();
  });
});

describe('template registry', () => {
  const registry = createTemplateRegistry([]);

  it('uses the demo templates of the fake WeChat with exactly their keys', () => {
    for (const [event, template] of Object.entries(defaultTemplates)) {
      const keys = defaultSubscribeTemplates[template?.templateId ?? ''];
      expect({ event, keys: Object.keys(template?.fields ?? {}).sort() }).toEqual({ event, keys: [...(keys ?? ['missing'])].sort() });
    }
  });

  it('fills every default template with values WeChat accepts', () => {
    for (const event of Object.values(NotificationEvent)) {
      const template = registry.forEvent(event);
      if (!template) continue;
      const data = buildSubscribeData(template, toStoredPayload(samples[event]));
      for (const [key, value] of Object.entries(data)) expect({ event, key, ok: isValidTemplateValue(key, value) }).toEqual({ event, key, ok: true });
    }
    const confirmed = registry.forEvent('BOOKING_CONFIRMED');
    if (!confirmed) throw new Error('BOOKING_CONFIRMED has a default template');
    expect(buildSubscribeData(confirmed, toStoredPayload(samples.BOOKING_CONFIRMED))).toEqual({
      thing1: '不动产登记（二手房转移登记）',
      time2: '2026年11月23日 09:30',
      thing3: '清江市政务服务中心',
      character_string4: 'QJ20261123-0042',
      thing5: '请携带有效证件按时到场',
    });
  });

  it('reports the fields it cannot fill', () => {
    const confirmed = registry.forEvent('BOOKING_CONFIRMED');
    if (!confirmed) throw new Error('BOOKING_CONFIRMED has a default template');
    expect(() => buildSubscribeData(confirmed, { itemName: '户籍' })).toThrow(TemplateDataError);
    expect(() => buildSubscribeData(confirmed, { itemName: '户籍' })).toThrow(/time2, thing3, character_string4/);
  });

  it('lets NotificationTemplate rows override, disable and add templates', () => {
    const overridden = createTemplateRegistry([
      { eventType: 'BOOKING_CONFIRMED', wechatTemplateId: 'PROD_TPL_1', isLongTerm: true, page: 'booking/detail/index?id={appointmentId}', fieldMap: { thing1: 'itemName', time2: { path: 'slotStart' } }, isEnabled: true },
      { eventType: 'BOOKING_REMINDER', wechatTemplateId: 'TPL_BOOKING_REMINDER', isLongTerm: false, page: null, fieldMap: {}, isEnabled: false },
      { eventType: 'RATING_REQUEST', wechatTemplateId: 'PROD_TPL_RATE', isLongTerm: false, page: null, fieldMap: { thing1: 'itemName' }, isEnabled: true },
    ]);
    const confirmed = overridden.forEvent('BOOKING_CONFIRMED');
    expect(confirmed).toMatchObject({ templateId: 'PROD_TPL_1', isLongTerm: true, fields: { thing1: { path: 'itemName' }, time2: { path: 'slotStart' } } });
    expect(confirmed && buildPage(confirmed, { appointmentId: 'a 1' })).toBe('booking/detail/index?id=a%201');
    expect(confirmed && buildPage(confirmed, { appointmentId: 'a1', link: 'mailbox/letter/index?id=l1' })).toBe('mailbox/letter/index?id=l1');
    expect(overridden.forEvent('BOOKING_REMINDER')).toBeNull();
    expect(overridden.forEvent('RATING_REQUEST')?.templateId).toBe('PROD_TPL_RATE');
    expect(overridden.isLongTermTemplate('PROD_TPL_1')).toBe(true);
    expect(overridden.templates().find((template) => template.templateId === 'TPL_BOOKING_REMINDER')?.events).toEqual(['BOOKING_CALLED']);
  });

  it('rejects malformed field maps', () => {
    expect(parseFieldMap({ thing1: 'itemName', time2: { path: 'slotStart', fallback: '待定' } })).toEqual({ thing1: { path: 'itemName' }, time2: { path: 'slotStart', fallback: '待定' } });
    expect(parseFieldMap(['thing1'])).toBeNull();
    expect(parseFieldMap({ 'not a key': 'x' })).toBeNull();
    expect(parseFieldMap({ thing1: 3 })).toBeNull();
    const invalid: string[] = [];
    const registry2 = createTemplateRegistry([{ eventType: 'BOOKING_CONFIRMED', wechatTemplateId: 'X', isLongTerm: false, page: null, fieldMap: 'oops', isEnabled: true }], (row) => invalid.push(row.eventType));
    expect(invalid).toEqual(['BOOKING_CONFIRMED']);
    expect(registry2.forEvent('BOOKING_CONFIRMED')?.fields.thing5).toEqual({ path: 'remark', fallback: '请携带有效证件按时到场' });
  });
});
