import { Text, View } from '@tarojs/components';
import type { FeeOrder } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { SectionCard } from '@/components/section-card';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { yuanFromFen } from '@/format/guide-format';
import { useFeeOrder, type FeeOrderView } from '@/hooks/use-fee-order';
import { usePageParam } from '@/hooks/use-page-param';
import { useSession } from '@/hooks/use-session';
import '../fees/fees.scss';

/** One fee order: what is charged and why, paying it, and once paid its receipt (缴费凭证). */
export default function FeeOrderPage() {
  const id = usePageParam('id');
  const { isSignedIn } = useSession();
  const view = useFeeOrder(id);
  const { order } = view;
  return (
    <PageShell id="page-fee-order" className="fees">
      {!isSignedIn ? (
        <LoginRequired id="fee-login" description="登录后查看缴费单。" />
      ) : order.status === 'error' ? (
        <EmptyState id="fee-error" title="加载失败" description={order.message} action={<Button onClick={view.reload}>重新加载</Button>} />
      ) : order.status !== 'ready' ? (
        <EmptyState id="fee-loading" title="正在加载" />
      ) : (
        <FeeOrderBody order={order.data} view={view} />
      )}
    </PageShell>
  );
}

function FeeOrderBody({ order, view }: { order: FeeOrder; view: FeeOrderView }) {
  const canPay = order.status === 'CREATED' || order.status === 'PAYING';
  const isPaid = order.transactionId !== null;
  return (
    <>
      <SectionCard title={isPaid ? '缴费凭证' : '缴费单'} id="fee-summary">
        <Text className="fees__amount" id="fee-amount">￥{yuanFromFen(order.amountFen)}</Text>
        <Text className="fees__line" id="fee-status">状态：{order.statusLabel}</Text>
        <Text className="fees__line">事项：{order.itemName}</Text>
        <Text className="fees__line">办理大厅：{order.hallName}</Text>
        <Text className="fees__line">订单号：{order.orderNo}</Text>
        {order.paidAt ? <Text className="fees__line" id="fee-paid-at">支付时间：{formatDateTime(order.paidAt)}</Text> : null}
        {order.transactionId ? <Text className="fees__line" id="fee-transaction-id">微信支付单号：{order.transactionId}</Text> : null}
        {canPay ? <Text className="fees__line">请于 {formatDateTime(order.expiresAt)} 前完成支付</Text> : null}
      </SectionCard>
      <SectionCard title="收费依据" id="fee-basis">
        {order.feeStandard ? <Text className="fees__line">收费标准：{order.feeStandard}</Text> : null}
        <Text className="fees__line">{order.feeBasis ?? '按事项收费规定执行'}</Text>
      </SectionCard>
      {order.refunds.length > 0 ? (
        <SectionCard title="退款记录" id="fee-refunds">
          {order.refunds.map((refund) => (
            <Text key={refund.id} className="fees__line">
              ￥{yuanFromFen(refund.amountFen)} · {refund.statusLabel}
              {refund.succeededAt ? ` · ${formatDateTime(refund.succeededAt)}` : ''}
              {refund.reason ? ` · ${refund.reason}` : ''}
            </Text>
          ))}
        </SectionCard>
      ) : null}
      {canPay ? (
        <View className="fees__actions">
          <Button id="fee-pay" type="primary" block loading={view.isPaying} onClick={() => void view.pay()}>
            微信支付 ￥{yuanFromFen(order.amountFen)}
          </Button>
        </View>
      ) : null}
      {view.message ? <Text className="fees__result" id="fee-message">{view.message}</Text> : null}
      {view.errorMessage ? <Text className="gp-error fees__result" id="fee-pay-error">{view.errorMessage}</Text> : null}
    </>
  );
}
