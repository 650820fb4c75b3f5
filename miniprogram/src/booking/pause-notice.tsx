import { Text, View } from '@tarojs/components';
import type { BookingStatusResponse } from '@govpocket/shared';
import { formatDateTime } from '@/format/date-time';

/** 预约暂停: the reason and end date after repeated no-shows; nothing while booking is open. */
export function PauseNotice({ status }: { status: BookingStatusResponse }) {
  if (!status.isPaused || !status.pause) return null;
  return (
    <View className="booking__banner booking__banner--warning" id="booking-paused">
      <Text>
        预约功能已暂停至 {formatDateTime(status.pause.pausedUntil)}：{status.pause.reason}
      </Text>
    </View>
  );
}
