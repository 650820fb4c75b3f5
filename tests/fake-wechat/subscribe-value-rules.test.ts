import { isValidTemplateValue } from '../../fake-wechat/src/mini-program/subscribe-value-rules';

describe('subscribe-message value rules', () => {
  it.each([
    ['thing1', '护照办理预约成功'],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十'],
    ['number2', '12345'],
    ['number2', '12.5'],
    ['letter3', 'ABCdef'],
    ['symbol4', '%#@'],
    ['character_string5', 'GP2026-0001_A'],
    ['phone_number6', '+86-0571-88888888'],
    ['car_number7', '浙A12345'],
    ['car_number7', '粤A8Z888挂'],
    ['name8', '张晓明'],
    ['name8', '阿依古丽·买买提'],
    ['name8', 'Zhang Xiaoming'],
    ['phrase9', '已受理'],
    ['amount10', '¥120.00'],
    ['amount10', '120元'],
    ['amount10', '￥5'],
    ['time11', '15:01'],
    ['time11', '2026年11月22日 15:01'],
    ['time11', '2026-11-22 15:01'],
    ['time11', '2026-11-22 09:00~2026-11-22 10:30'],
    ['date12', '2026年11月22日'],
    ['date12', '2026-11-22'],
    ['date12', '2026/11/22 15:01'],
  ])('accepts %s = %p', (key, value) => {
    expect(isValidTemplateValue(key, value)).toBe(true);
  });

  it.each([
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一'],
    ['thing1', ''],
    ['number2', '12a'],
    ['number2', '1'.repeat(33)],
    ['letter3', 'abc1'],
    ['symbol4', '%%%%%%'],
    ['symbol4', 'a'],
    ['character_string5', '含中文'],
    ['character_string5', 'x'.repeat(33)],
    ['phone_number6', '1'.repeat(18)],
    ['phone_number6', '电话13800138000'],
    ['car_number7', '浙A123456789'],
    ['name8', '一二三四五六七八九十一'],
    ['name8', '张Xiao'],
    ['phrase9', '已经受理完毕了'],
    ['phrase9', 'OK'],
    ['amount10', '120'],
    ['amount10', '¥12345678901'],
    ['time11', '明天下午'],
    ['time11', '2026年11月22日'],
    ['time11', '25:00'],
    ['date12', '15:01'],
    ['date12', '2026-13-01'],
  ])('rejects %s = %p', (key, value) => {
    expect(isValidTemplateValue(key, value)).toBe(false);
  });
});
