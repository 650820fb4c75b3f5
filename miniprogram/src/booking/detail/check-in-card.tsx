import { Image, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { AppointmentDetail } from '@govpocket/shared';
import { qrImageDataUrl } from '@/format/qr-image';

/** 签到码: the QR the window scans, and the 6-digit code large, for the window to type. */
export function CheckInCard({ appointment }: { appointment: AppointmentDetail }) {
  const qrImage = useMemo(() => (appointment.qrPayload ? qrImageDataUrl(appointment.qrPayload) : null), [appointment.qrPayload]);
  if (!appointment.checkInCode) return null;
  return (
    <View className="gp-card" id="appointment-check-in">
      <Text className="booking__center gp-muted">到大厅后向窗口出示签到码</Text>
      <Text className="booking__code" id="appointment-check-in-code">
        {appointment.checkInCode}
      </Text>
      {qrImage ? (
        <View className="booking__center">
          <Image className="booking__qr" id="appointment-qr" src={qrImage} mode="scaleToFill" style={{ width: "200px", height: "200px", display: "block", margin: "0 auto" }} />
        </View>
      ) : null}
    </View>
  );
}
