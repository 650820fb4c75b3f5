import { Text, View } from '@tarojs/components';
import type { FeeOrder } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { yuanFromFen } from '@/format/guide-format';
import { useMyFeeOrders } from '@/hooks/use-fee-order';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import { openPage, routes } from '@/navigation/routes';
import './fees.scss';

/** 我的缴费: fee orders to pay and the receipts of those paid. */
export default function MyFeesPage() {
  const { orders, reload, isSignedIn } = useMyFeeOrders();
  useReloadOnReturn(reload);
  if (!isSignedIn) {
    return (
      <PageShell id="page-my-fees" className="fees">
        <LoginRequired id="fees-login" description="登录后查看缴费记录。" />
      </PageShell>
    );
  }
  return (
    <PageShell id="page-my-fees" className="fees">
      {orders.status === 'error' ? <EmptyState id="fees-error" title="加载失败" description={orders.message} action={<Button onClick={reload}>重新加载</Button>} /> : null}
      {orders.status === 'loading' ? <EmptyState id="fees-loading" title="正在加载" /> : null}
      {orders.status === 'ready' && orders.data.length === 0 ? <EmptyState id="fees-empty" title="暂无缴费记录" description="窗口受理后如需缴费，会通知您在这里在线支付" /> : null}
      {orders.status === 'ready' && orders.data.length > 0 ? (
        <View className="fees__list" id="fees-list">
          {orders.data.map((order) => (
            <FeeRow key={order.id} order={order} />
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}

function FeeRow({ order }: { order: FeeOrder }) {
  return (
    <View className="gp-card fees__item" id={`fee-${order.id}`} onClick={() => openPage(routes.feeOrder, { id: order.id })}>
      <View className="fees__row">
        <Text className="fees__item-name">{order.itemName}</Text>
        <Text className="fees__status">{order.statusLabel}</Text>
      </View>
      <View className="fees__row">
        <Text className="fees__amount">￥{yuanFromFen(order.amountFen)}</Text>
        <Text className="gp-muted">{formatDateTime(order.paidAt ?? order.createdAt)}</Text>
      </View>
      {order.transactionId ? <Text className="fees__line">微信支付单号 {order.transactionId}</Text> : null}
    </View>
  );
}
