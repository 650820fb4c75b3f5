import { Input, Text, View } from '@tarojs/components';
import { yuanFromFen } from '@/format/guide-format';
import { Button } from '@/components/ui';
import { useStaffFeeOrder } from '@/hooks/use-staff-fee-order';

/** 开具缴费单 for the case at this window; the resident is notified and pays in the mini-program. */
export function FeeOrderCard({ hallId, appointmentId }: { hallId: string; appointmentId: string }) {
  const fee = useStaffFeeOrder(hallId, appointmentId);
  const open = fee.orders.find((order) => order.status !== 'CLOSED' && order.status !== 'REFUNDED');
  return (
    <View id="staff-fee" className="staff-booking__fee">
      <Text className="staff-booking__slot-title">缴费</Text>
      {open ? (
        <Text className="gp-muted" id="staff-fee-issued">
          已开具 ￥{yuanFromFen(open.amountFen)} · {open.statusLabel} · 订单号 {open.orderNo}
        </Text>
      ) : (
        <View className="staff-booking__buttons">
          <Input
            id="staff-fee-amount"
            className="staff-booking__fee-amount"
            type="digit"
            value={fee.amountText}
            placeholder="金额（元），留空按收费标准"
            onInput={(event) => fee.setAmountText(event.detail.value)}
          />
          <Button id="staff-fee-issue" size="small" type="primary" loading={fee.isBusy} onClick={() => void fee.issue()}>
            开具缴费单
          </Button>
        </View>
      )}
      {fee.errorMessage ? (
        <Text className="gp-error" id="staff-fee-error">
          {fee.errorMessage}
        </Text>
      ) : null}
    </View>
  );
}
