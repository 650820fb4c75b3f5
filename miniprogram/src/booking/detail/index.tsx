import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AppointmentDetail, QueuePositionResponse } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { appointmentTripText } from '@/format/guide-format';
import { useAppointment, type AppointmentView } from '@/hooks/use-appointment';
import { usePageParam } from '@/hooks/use-page-param';
import { useSession } from '@/hooks/use-session';
import { openReschedule } from '../booking-navigation';
import { CheckInCard } from './check-in-card';
import { RatingSection } from './rating-section';
import '../booking.scss';

export default function AppointmentDetailPage() {
  const id = usePageParam('id');
  const isNew = usePageParam('isNew') === '1';
  const { isSignedIn } = useSession();
  const view = useAppointment(id);
  const { appointment } = view;

  return (
    <PageShell id="page-appointment" className="booking">
      {!isSignedIn ? (
        <LoginRequired id="appointment-login" description="登录后查看预约详情。" />
      ) : appointment.status === 'error' ? (
        <EmptyState id="appointment-error" title="加载失败" description={appointment.message} action={<Button onClick={view.reload}>重新加载</Button>} />
      ) : appointment.status !== 'ready' ? (
        <EmptyState id="appointment-loading" title="正在加载" />
      ) : (
        <AppointmentBody appointment={appointment.data} queue={view.queue} view={view} isNew={isNew} />
      )}
    </PageShell>
  );
}

function AppointmentBody({ appointment, queue, view, isNew }: { appointment: AppointmentDetail; queue: QueuePositionResponse | null; view: AppointmentView; isNew: boolean }) {
  const status = queue?.status ?? appointment.status;
  const statusLabel = queue?.statusLabel ?? appointment.statusLabel;
  const confirmCancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: '确定取消这次预约吗？', confirmText: '取消预约', cancelText: '再想想' });
    if (confirm) await view.cancel();
  };

  return (
    <>
      {isNew && status === 'BOOKED' ? (
        <View className="booking__banner" id="booking-success">
          <Text>预约成功！请按时到大厅出示签到码</Text>
        </View>
      ) : null}
      <View className="gp-card">
        <View className="booking__row">
          <Text className="booking__option-title" id="appointment-item">
            {appointment.item.name}
          </Text>
          <Text className="booking__option-side" id="appointment-status">
            {statusLabel}
          </Text>
        </View>
        <Text className="gp-muted">{appointment.hall.name}</Text>
        <Text className="gp-muted">{appointment.hall.address}</Text>
        <Text className="gp-muted" id="appointment-when">
          {appointment.date} {appointment.startTime}-{appointment.endTime}
        </Text>
        <Text className="gp-muted">
          {appointmentTripText(appointment.tripNumber, appointment.promisedTrips)}
        </Text>
      </View>

      {status === 'BOOKED' ? <CheckInCard appointment={appointment} /> : null}
      <QueueCard appointment={appointment} queue={queue} />

      {status === 'CANCELLED' && appointment.cancelReason ? (
        <View className="booking__banner booking__banner--warning" id="appointment-cancel-reason">
          <Text>{appointment.cancelledBy === 'HALL' ? '大厅已取消：' : '取消原因：'}{appointment.cancelReason}</Text>
        </View>
      ) : null}

      {appointment.preReviews.length > 0 ? (
        <View className="gp-card" id="appointment-pre-reviews">
          <Text className="booking__option-title">材料预审</Text>
          {appointment.preReviews.map((review) => (
            <View key={review.id} className="booking__row">
              <Text>{review.materialName}</Text>
              <Text className="gp-muted">
                {review.statusLabel}
                {review.comment ? `：${review.comment}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <RatingSection appointment={appointment} view={view} />

      {view.actionError ? (
        <Text className="gp-error booking__step" id="appointment-action-error">
          {view.actionError}
        </Text>
      ) : null}
      {status === 'BOOKED' && (appointment.canCancel || appointment.canReschedule) ? (
        <View className="booking__actions">
          <Text className="gp-muted booking__center">{formatDateTime(appointment.changeDeadline)} 前可改约或取消</Text>
          {appointment.canReschedule ? (
            <Button id="appointment-reschedule" fill="outline" type="primary" onClick={() => openReschedule({ itemCode: appointment.item.code, appointmentId: appointment.id })}>
              改约
            </Button>
          ) : null}
          {appointment.canCancel ? (
            <Button id="appointment-cancel" fill="outline" loading={view.isBusy} onClick={() => void confirmCancel()}>
              取消预约
            </Button>
          ) : null}
        </View>
      ) : null}
    </>
  );
}

function QueueCard({ appointment, queue }: { appointment: AppointmentDetail; queue: QueuePositionResponse | null }) {
  const status = queue?.status ?? appointment.status;
  const queueNumber = queue?.queueNumber ?? appointment.queueNumber;
  if (!queueNumber || !['CHECKED_IN', 'CALLED', 'SERVING'].includes(status)) return null;
  const aheadCount = queue ? queue.aheadCount : appointment.aheadCount;
  const calledWindow = queue ? queue.calledWindow : appointment.calledWindow;
  return (
    <View className="gp-card" id="appointment-queue">
      <Text className="booking__center gp-muted">您的排队号</Text>
      <Text className="booking__queue-number" id="appointment-queue-number">
        {queueNumber}
      </Text>
      {status === 'CALLED' ? (
        <View className="booking__banner booking__banner--called" id="appointment-called">
          <Text>已叫号，请到 {calledWindow ? `${calledWindow.name}（${calledWindow.code}）` : '窗口'} 办理</Text>
        </View>
      ) : status === 'SERVING' ? (
        <Text className="booking__center" id="appointment-serving">
          正在{calledWindow ? ` ${calledWindow.name} ` : '窗口'}办理
        </Text>
      ) : (
        <Text className="booking__center booking__option-title" id="appointment-ahead">
          前面还有 {aheadCount ?? 0} 人
        </Text>
      )}
      <Text className="gp-muted booking__center">页面会自动刷新排队进度</Text>
    </View>
  );
}
