import { Text, View } from '@tarojs/components';
import type { AppointmentSummary } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { TabStrip } from '@/components/tab-strip';
import { useMyAppointments } from '@/hooks/use-my-appointments';
import { useSession } from '@/hooks/use-session';
import type { AppointmentScope } from '@/services/booking-service';
import { openAppointment } from '../booking-navigation';
import { PauseNotice } from '../pause-notice';
import '../booking.scss';

const scopeTabs: readonly { value: AppointmentScope; title: string }[] = [
  { value: 'upcoming', title: '待办理' },
  { value: 'past', title: '历史预约' },
];

export default function MyAppointmentsPage() {
  const { isSignedIn } = useSession();
  const view = useMyAppointments();

  return (
    <PageShell id="page-appointments" className="booking">
      {!isSignedIn ? (
        <LoginRequired id="appointments-login" description="登录后查看您的预约、签到码和排队进度。" />
      ) : (
        <>
          {view.status.status === 'ready' ? <PauseNotice status={view.status.data} /> : null}
          <TabStrip id="appointments-scope" tabs={scopeTabs} value={view.scope} onChange={view.setScope} />
          {view.items.status === 'error' ? (
            <EmptyState id="appointments-error" title="加载失败" description={view.items.message} />
          ) : view.items.status !== 'ready' ? (
            <EmptyState id="appointments-loading" title="正在加载" />
          ) : view.items.data.length === 0 ? (
            <EmptyState id="appointments-empty" title={view.scope === 'upcoming' ? '暂无待办理的预约' : '暂无历史预约'} description="在办事指南中点“预约办理”即可预约到大厅办理。" />
          ) : (
            <View id="appointments-list">
              {view.items.data.map((appointment, index) => (
                <AppointmentRow key={appointment.id} index={index} appointment={appointment} />
              ))}
            </View>
          )}
        </>
      )}
    </PageShell>
  );
}

function AppointmentRow({ appointment, index }: { appointment: AppointmentSummary; index: number }) {
  return (
    <View className="booking__option" id={`appointment-${index}`} onClick={() => openAppointment(appointment.id)}>
      <View className="booking__option-main">
        <Text className="booking__option-title">{appointment.item.name}</Text>
        <Text className="gp-muted">{appointment.hall.name}</Text>
        <Text className="gp-muted">
          {appointment.date} {appointment.startTime}-{appointment.endTime}
        </Text>
      </View>
      <Text className="booking__option-side">{appointment.queueNumber ? `${appointment.statusLabel} ${appointment.queueNumber}` : appointment.statusLabel}</Text>
    </View>
  );
}
