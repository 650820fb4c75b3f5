import {
  feeOrderListResponseSchema,
  feeOrderResponseSchema,
  idempotencyKeyHeader,
  idempotencyKeySchema,
  issueFeeOrderRequestSchema,
  myFeeOrdersQuerySchema,
  payFeeOrderResponseSchema,
  refundFeeOrderRequestSchema,
  staffFeeOrdersQuerySchema,
} from '@govpocket/shared';
import type { Context } from 'koa';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireScope, requireUser } from '../auth/access';
import type { PaymentDeps } from './deps';
import { issueFeeOrder } from './issue-fee-order';
import { getMyFeeOrder, listHallFeeOrders, listMyFeeOrders, payFeeOrder } from './pay-fee-order';
import { requestRefund } from './refunds';

const idempotencyKey = (ctx: Context): string => idempotencyKeySchema.parse(ctx.get(idempotencyKeyHeader) || undefined);

/** The resident's fee orders (我的缴费, receipts) and paying one. */
export function feeOrderRoutes(deps: PaymentDeps): AppRouter {
  const router = createRouter('/fee-orders', { guard: requireUser() });
  router.get('/', async (ctx) => {
    const { status } = myFeeOrdersQuerySchema.parse(ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = feeOrderListResponseSchema.parse({ items: await listMyFeeOrders(deps, { residentId: currentUser(ctx.state).id, status }) });
  });
  router.get('/:id', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = feeOrderResponseSchema.parse({ feeOrder: await getMyFeeOrder(deps, { residentId: currentUser(ctx.state).id, feeOrderId: ctx.params.id ?? '' }) });
  });
  router.post('/:id/pay', async (ctx) => {
    ctx.body = payFeeOrderResponseSchema.parse(await payFeeOrder(deps, { resident: currentUser(ctx.state), feeOrderId: ctx.params.id ?? '', requestId: ctx.state.requestId }));
  });
  return router;
}

/** Window staff of one hall: issue fee orders, see them, approve refunds. */
export function staffFeeOrderRoutes(deps: PaymentDeps): AppRouter {
  const router = createRouter('/staff/halls/:hallId/fee-orders', { guard: requireScope(['WINDOW_STAFF'], 'hallId') });
  router.get('/', async (ctx) => {
    const { appointmentId, status } = staffFeeOrdersQuerySchema.parse(ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = feeOrderListResponseSchema.parse({ items: await listHallFeeOrders(deps, { hallId: ctx.params.hallId ?? '', appointmentId, status }) });
  });
  router.post('/', async (ctx) => {
    const key = idempotencyKey(ctx);
    const body = issueFeeOrderRequestSchema.parse(ctx.request.body ?? {});
    const { feeOrder, isNew } = await issueFeeOrder(deps, { ...body, staff: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', idempotencyKey: key, requestId: ctx.state.requestId });
    ctx.status = isNew ? 201 : 200;
    ctx.body = feeOrderResponseSchema.parse({ feeOrder });
  });
  router.post('/:id/refunds', async (ctx) => {
    const key = idempotencyKey(ctx);
    const { amountFen, reason } = refundFeeOrderRequestSchema.parse(ctx.request.body ?? {});
    const feeOrder = await requestRefund(deps, { staff: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', feeOrderId: ctx.params.id ?? '', amountFen, reason, idempotencyKey: key, requestId: ctx.state.requestId });
    ctx.body = feeOrderResponseSchema.parse({ feeOrder });
  });
  return router;
}
