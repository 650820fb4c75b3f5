import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useBookAppointment } from '@/hooks/use-book-appointment';
import { usePageParam } from '@/hooks/use-page-param';
import { usePreReviewPhotos } from '@/hooks/use-pre-review-photos';
import { openChecklistFromBooking } from '../booking-navigation';
import { routes } from '@/navigation/routes';
import { PreReviewCard } from './pre-review-card';
import '../booking.scss';

/** 确认预约: what, where, when, the materials checklist state, optional 预审 photos, then book. */
export default function BookingConfirmPage() {
  const code = usePageParam('code');
  const slotId = usePageParam('slotId');
  const hallName = usePageParam('hallName');
  const when = usePageParam('when');
  const preReview = usePreReviewPhotos();
  const booking = useBookAppointment({ itemCode: code, slotId, preReviewFileIds: preReview.attachments });
  const { checklist } = booking;

  // The subscribe prompt is the first thing submit() does, straight from this tap (WeChat's rule).
  const onSubmit = async () => {
    const appointment = await booking.submit();
    if (appointment) void Taro.redirectTo({ url: `${routes.appointmentDetail}?id=${encodeURIComponent(appointment.id)}&isNew=1` });
  };

  return (
    <PageShell id="page-booking-confirm" className="booking">
      <View className="gp-card" id="booking-confirm-summary">
        <View className="booking__row">
          <Text className="booking__label">办理大厅</Text>
          <Text>{hallName}</Text>
        </View>
        <View className="booking__row">
          <Text className="booking__label">预约时间</Text>
          <Text id="booking-confirm-when">{when}</Text>
        </View>
      </View>

      <View className="gp-card" id="booking-confirm-checklist">
        {checklist.status === 'ready' ? (
          <>
            <Text className="booking__option-title">{checklist.data.isReady ? '材料已备齐' : `还缺 ${checklist.data.missingRequired.length} 项必需材料`}</Text>
            {checklist.data.isReady ? null : <Text className="gp-muted">{checklist.data.missingRequired.join('、')}</Text>}
            <Text className="gp-muted">勾选情况会随预约一并提交，窗口可提前了解。</Text>
          </>
        ) : checklist.status === 'error' ? (
          <Text className="gp-error">{checklist.message}</Text>
        ) : (
          <Text className="gp-muted">正在获取材料清单…</Text>
        )}
        <Text className="booking__option-side" id="booking-open-checklist" onClick={() => openChecklistFromBooking(code)}>
          查看并勾选材料清单 ›
        </Text>
      </View>

      {checklist.status === 'ready' ? <PreReviewCard materials={checklist.data.materials} preReview={preReview} /> : null}

      {booking.blockedMessage ? (
        <View className="booking__banner booking__banner--warning" id="booking-blocked">
          <Text>{booking.blockedMessage}</Text>
        </View>
      ) : null}
      {booking.errorMessage ? (
        <Text className="gp-error booking__step" id="booking-confirm-error">
          {booking.errorMessage}
        </Text>
      ) : null}
      {!slotId ? <EmptyState title="请先选择时段" /> : null}
      <View className="booking__actions">
        <Button id="booking-submit" type="primary" loading={booking.isSubmitting} disabled={!slotId || booking.blockedMessage !== null || preReview.busyMaterialId !== null} onClick={() => void onSubmit()}>
          {booking.errorMessage ? '再试一次' : '确认预约'}
        </Button>
        <Text className="gp-muted booking__center">预约成功后将通过订阅消息提醒您到场时间与叫号</Text>
      </View>
    </PageShell>
  );
}
