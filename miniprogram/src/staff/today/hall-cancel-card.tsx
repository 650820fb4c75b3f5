import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import type { HallCancel } from '@/hooks/use-hall-cancel';

/** The reason and confirmation steps of a hall-side cancel, shown next to what was picked. */
export function HallCancelCard({ cancel }: { cancel: HallCancel }) {
  if (!cancel.choice) return null;
  return (
    <View className="gp-card" id="staff-cancel">
      <Text className="staff-booking__title">取消{cancel.choice.label}</Text>
      {cancel.isConfirming ? (
        <>
          <Text id="staff-cancel-confirm-text">
            确定取消{cancel.choice.label}？原因「{cancel.reason.trim()}」将通知每位受影响的居民，取消后不能恢复。
          </Text>
          <View className="staff-booking__buttons">
            <Button id="staff-cancel-confirm" type="danger" loading={cancel.isCancelling} onClick={() => void cancel.confirm()}>
              确认取消
            </Button>
            <Button id="staff-cancel-back" fill="outline" disabled={cancel.isCancelling} onClick={cancel.dismiss}>
              不取消
            </Button>
          </View>
        </>
      ) : (
        <>
          <Textarea
            id="staff-cancel-reason"
            className="staff-booking__textarea"
            value={cancel.reason}
            maxlength={100}
            placeholder="取消原因（2–100字），将告知居民"
            onInput={(event) => cancel.setReason(event.detail.value)}
          />
          <View className="staff-booking__buttons">
            <Button id="staff-cancel-next" type="primary" onClick={cancel.askToConfirm}>
              下一步
            </Button>
            <Button id="staff-cancel-dismiss" fill="outline" onClick={cancel.dismiss}>
              返回
            </Button>
          </View>
        </>
      )}
      {cancel.errorMessage ? (
        <Text className="gp-error" id="staff-cancel-error">
          {cancel.errorMessage}
        </Text>
      ) : null}
    </View>
  );
}
