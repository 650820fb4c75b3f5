import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { field, stringAt } from './support/json';
import { jsapiOrder, payClient } from './support/pay-client';

let fake: FakeWechat;
let call: ReturnType<typeof payClient>;

beforeAll(async () => {
  fake = await startFakeWechat({ notifyRetryDelaysMs: [], refundSettleDelayMs: null });
  call = payClient(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

async function paidOrder(total = 12000): Promise<{ outTradeNo: string; transactionId: string }> {
  const order = jsapiOrder(fake, { amount: { total, currency: 'CNY' } });
  await call('POST', '/v3/pay/transactions/jsapi', order);
  const settled = fake.control.settleOrder(String(order.out_trade_no));
  return { outTradeNo: settled.outTradeNo, transactionId: settled.transactionId ?? '' };
}

const refund = (body: Record<string, unknown>) => call('POST', '/v3/refund/domestic/refunds', body);
const amount = (refundFen: number, total = 12000) => ({ refund: refundFen, total, currency: 'CNY' });

describe('POST /v3/refund/domestic/refunds', () => {
  it('accepts a refund as PROCESSING with the real resource shape', async () => {
    const { outTradeNo, transactionId } = await paidOrder();
    const answer = await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-0001', reason: '大厅取消预约', amount: amount(5000) });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      refund_id: expect.stringMatching(/^\d{29}$/),
      out_refund_no: 'RF-0001',
      transaction_id: transactionId,
      out_trade_no: outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: expect.stringMatching(/\+08:00$/),
      status: 'PROCESSING',
      amount: { total: 12000, refund: 5000, payer_total: 12000, payer_refund: 5000, currency: 'CNY' },
    });
    expect(answer.json).not.toHaveProperty('success_time');
    const order = await call('GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${fake.merchant.mchid}`);
    expect(field(order.json, 'trade_state')).toBe('REFUND');
  });

  it('finds the order by transaction_id too', async () => {
    const { outTradeNo, transactionId } = await paidOrder();
    const answer = await refund({ transaction_id: transactionId, out_refund_no: 'RF-BY-ID', amount: amount(100) });
    expect(field(answer.json, 'out_trade_no')).toBe(outTradeNo);
  });

  it('is idempotent per out_refund_no and refuses a changed repeat', async () => {
    const { outTradeNo } = await paidOrder();
    const first = await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-SAME', amount: amount(3000) });
    const repeat = await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-SAME', amount: amount(3000) });
    expect(stringAt(repeat.json, 'refund_id')).toBe(stringAt(first.json, 'refund_id'));
    const changed = await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-SAME', amount: amount(4000) });
    expect([changed.status, field(changed.json, 'code')]).toEqual([400, 'INVALID_REQUEST']);
    expect(fake.control.refunds()).toHaveLength(1);
  });

  it('never refunds more than was paid, across refunds', async () => {
    const { outTradeNo } = await paidOrder();
    expect((await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-A', amount: amount(8000) })).status).toBe(200);
    const tooMuch = await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-B', amount: amount(4001) });
    expect([tooMuch.status, field(tooMuch.json, 'code')]).toEqual([400, 'INVALID_REQUEST']);
    expect((await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-C', amount: amount(4000) })).status).toBe(200);
  });

  it('refuses unpaid and unknown orders', async () => {
    const order = jsapiOrder(fake);
    await call('POST', '/v3/pay/transactions/jsapi', order);
    const unpaid = await refund({ out_trade_no: order.out_trade_no, out_refund_no: 'RF-UNPAID', amount: amount(100) });
    expect([unpaid.status, field(unpaid.json, 'code')]).toEqual([400, 'INVALID_REQUEST']);
    const unknown = await refund({ out_trade_no: 'NOPE_000001', out_refund_no: 'RF-UNKNOWN', amount: amount(100) });
    expect([unknown.status, field(unknown.json, 'code')]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
  });

  it.each([
    ['neither out_trade_no nor transaction_id', { out_refund_no: 'RF-X', amount: amount(1) }],
    ['an out_refund_no of 65 characters', { out_trade_no: 'X123456', out_refund_no: 'R'.repeat(65), amount: amount(1) }],
    ['no currency', { out_trade_no: 'X123456', out_refund_no: 'RF-X', amount: { refund: 1, total: 12000 } }],
    ['refund 0', { out_trade_no: 'X123456', out_refund_no: 'RF-X', amount: amount(0) }],
  ])('answers 400 PARAM_ERROR for %s', async (_case, body) => {
    const answer = await refund(body);
    expect([answer.status, field(answer.json, 'code')]).toEqual([400, 'PARAM_ERROR']);
  });

  it('refuses a total that differs from the order', async () => {
    const { outTradeNo } = await paidOrder();
    const answer = await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-TOTAL', amount: amount(100, 9999) });
    expect(answer.status).toBe(400);
  });
});

describe('GET /v3/refund/domestic/refunds/{out_refund_no}', () => {
  it('shows PROCESSING, then SUCCESS with success_time once settled', async () => {
    const { outTradeNo } = await paidOrder();
    await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-Q', amount: amount(12000) });
    expect(field((await call('GET', '/v3/refund/domestic/refunds/RF-Q')).json, 'status')).toBe('PROCESSING');
    const settled = await fetch(`${fake.url}/__control/pay/refunds/settle`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ out_refund_no: 'RF-Q' }) });
    expect(settled.status).toBe(200);
    const answer = await call('GET', '/v3/refund/domestic/refunds/RF-Q');
    expect(answer.json).toMatchObject({ status: 'SUCCESS', success_time: expect.stringMatching(/\+08:00$/) });
  });

  it('answers 404 RESOURCE_NOT_EXISTS for unknown refunds', async () => {
    const answer = await call('GET', '/v3/refund/domestic/refunds/RF-NONE');
    expect([answer.status, field(answer.json, 'code')]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
  });
});

describe('automatic settlement', () => {
  it('settles refunds after the configured delay', async () => {
    // Long enough that a busy machine still sees PROCESSING first.
    await fetch(`${fake.url}/__control/pay/refund-settle-delay`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ delayMs: 1500 }) });
    const { outTradeNo } = await paidOrder();
    await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-AUTO', amount: amount(100) });
    expect(fake.state.refunds.get('RF-AUTO')?.status).toBe('PROCESSING');
    await fake.control.idle();
    expect(fake.state.refunds.get('RF-AUTO')?.status).toBe('SUCCESS');
  });

  it('settles nothing on its own when the delay is null', async () => {
    fake.control.setRefundSettleDelay(null);
    const { outTradeNo } = await paidOrder();
    await refund({ out_trade_no: outTradeNo, out_refund_no: 'RF-MANUAL', amount: amount(100) });
    await fake.control.idle();
    expect(fake.state.refunds.get('RF-MANUAL')?.status).toBe('PROCESSING');
  });
});
