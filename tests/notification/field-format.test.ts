import { isValidTemplateValue } from '../../fake-wechat/src/mini-program/subscribe-value-rules';
import { fieldTypeOf, formatChineseDateTime, formatFieldValue, formatYuan, truncate } from '../../bff/src/modules/notification/field-format';
import { classifyDeliveryError, retryDelayMs } from '../../bff/src/modules/notification/retry-policy';
import { WechatApiError, WechatUnavailableError } from '../../bff/src/modules/wechat/wechat-http';

const send = '/cgi-bin/message/subscribe/send';

describe('subscribe-message value formatting', () => {
  it('reads the type from the key', () => {
    expect(fieldTypeOf('thing12')).toBe('thing');
    expect(fieldTypeOf('character_string4')).toBe('character_string');
  });

  it('cuts thing to 20 characters with an ellipsis, counting code points', () => {
    const long = '清江市不动产登记中心二手房转移登记业务办理窗口';
    const value = formatFieldValue('thing1', long);
    expect(value).toBe('清江市不动产登记中心二手房转移登记业务…');
    expect([...(value ?? '')]).toHaveLength(20);
    expect(formatFieldValue('thing1', '户籍办理')).toBe('户籍办理');
    expect(truncate('😀'.repeat(25), 20)).toBe(`${'😀'.repeat(19)}…`);
    expect(formatFieldValue('thing1', '  多余\n空白  ')).toBe('多余 空白');
  });

  it('keeps phrase to 5 Chinese characters, without an ellipsis', () => {
    expect(formatFieldValue('phrase2', '预审通过')).toBe('预审通过');
    expect(formatFieldValue('phrase2', '需要补正材料后再提交')).toBe('需要补正材');
    expect(formatFieldValue('phrase2', 'OK 通过!')).toBe('通过');
    expect(formatFieldValue('phrase2', 'OK')).toBeNull();
  });

  it('keeps character_string to 32 printable ASCII characters', () => {
    expect(formatFieldValue('character_string4', 'QJ-20261122-0001')).toBe('QJ-20261122-0001');
    expect(formatFieldValue('character_string4', 'A'.repeat(40))).toBe('A'.repeat(32));
    expect(formatFieldValue('character_string4', '编号 QJ 001')).toBe('QJ001');
  });

  it('writes time and date in Shanghai', () => {
    expect(formatFieldValue('time2', '2026-11-22T07:01:00.000Z')).toBe('2026年11月22日 15:01');
    expect(formatFieldValue('time2', new Date('2026-11-22T16:30:00Z').getTime())).toBe('2026年11月23日 00:30');
    expect(formatFieldValue('date3', '2026-11-22')).toBe('2026年11月22日');
    expect(formatFieldValue('date3', '2026-11-21T16:00:00Z')).toBe('2026年11月22日');
    expect(formatFieldValue('time2', 'tomorrow')).toBeNull();
    expect(formatChineseDateTime(new Date('2026-01-05T01:05:00Z'))).toBe('2026年1月5日 09:05');
  });

  it('writes amounts in yuan from fen', () => {
    expect(formatFieldValue('amount2', 1250)).toBe('￥12.50');
    expect(formatFieldValue('amount2', 5)).toBe('￥0.05');
    expect(formatFieldValue('amount2', '￥3.00')).toBe('￥3.00');
    expect(formatYuan(-1)).toBeNull();
    expect(formatYuan(1.5)).toBeNull();
    expect(formatFieldValue('amount2', 'twelve')).toBeNull();
  });

  it('shapes the other types to their limits', () => {
    expect(formatFieldValue('number1', 42)).toBe('42');
    expect(formatFieldValue('number1', 'abc')).toBeNull();
    expect(formatFieldValue('letter1', 'abc123def')).toBe('abcdef');
    expect(formatFieldValue('symbol1', '+-*/%^&')).toBe('+-*/%');
    expect(formatFieldValue('phone_number1', '+86 138-5761-0001 转 8')).toBe('+86 138-5761-0001');
    expect(formatFieldValue('car_number1', '浙A·12345X')).toBe('浙A12345X');
    expect(formatFieldValue('name1', '欧阳娜娜娜娜娜娜娜娜娜')).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(formatFieldValue('name1', 'Alexander Christopher Smith')).toBe('Alexander Christophe');
    expect(formatFieldValue('short_thing1', '已经完成办理')).toBe('已经完成…');
    expect(formatFieldValue('thing1', '')).toBeNull();
    expect(formatFieldValue('thing1', null)).toBeNull();
  });

  it('produces values the fake WeChat accepts, whatever the input', () => {
    const inputs: Array<[string, string | number]> = [
      ['thing1', '一'.repeat(50)],
      ['phrase2', '需要补正材料后再提交'],
      ['character_string3', `QJ-${'9'.repeat(40)}`],
      ['time4', '2026-11-22T07:01:00.000Z'],
      ['date5', '2026-12-31'],
      ['amount6', 123456789],
      ['name7', '张三丰张三丰张三丰张三丰'],
      ['letter8', 'x'.repeat(40)],
      ['phone_number9', '138 5761 0001 0002 0003'],
    ];
    for (const [key, input] of inputs) {
      const value = formatFieldValue(key, input);
      expect(value).not.toBeNull();
      expect(isValidTemplateValue(key, value ?? '')).toBe(true);
    }
  });
});

describe('delivery failure rules', () => {
  it('retries unreachable WeChat and errcode -1', () => {
    expect(classifyDeliveryError(new WechatUnavailableError(send, new Error('HTTP 503'))).kind).toBe('retry');
    expect(classifyDeliveryError(new WechatUnavailableError(send, new Error('system error')))).toMatchObject({ kind: 'retry', errcode: -1 });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(classifyDeliveryError(new WechatUnavailableError(send, refused)).kind).toBe('retry');
  });

  it('does not resend what WeChat may have received', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyDeliveryError(new WechatUnavailableError(send, timeout)).kind).toBe('uncertain');
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(classifyDeliveryError(new WechatUnavailableError(send, reset)).kind).toBe('uncertain');
    // A token fetch that timed out sent nothing: retry.
    expect(classifyDeliveryError(new WechatUnavailableError('/cgi-bin/stable_token', timeout)).kind).toBe('retry');
  });

  it('maps errcodes', () => {
    expect(classifyDeliveryError(new WechatApiError(43101, 'user refuse to accept the msg', send))).toMatchObject({ kind: 'not-subscribed', errcode: 43101 });
    expect(classifyDeliveryError(new WechatApiError(47003, 'argument invalid! data.thing1.value', send))).toMatchObject({ kind: 'permanent', errcode: 47003 });
    expect(classifyDeliveryError(new WechatApiError(40003, 'invalid openid', send)).kind).toBe('permanent');
    expect(classifyDeliveryError(new WechatApiError(42001, 'access_token expired', send)).kind).toBe('retry');
    expect(classifyDeliveryError(new WechatApiError(45009, 'reach max api daily quota limit', send)).kind).toBe('retry');
    expect(classifyDeliveryError(new Error('pool timeout')).kind).toBe('retry');
  });

  it('backs off exponentially with jitter, capped', () => {
    const settings = { baseMs: 1000, maxMs: 10_000, random: () => 0.5 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, settings))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(retryDelayMs(1, { ...settings, random: () => 0 })).toBe(800);
    expect(retryDelayMs(1, { ...settings, random: () => 1 })).toBe(1200);
  });
});
