import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { StaffAppointment, StaffDayResponse } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useHallCancel, type HallCancel } from '@/hooks/use-hall-cancel';
import { useStaffDay, type StaffDay } from '@/hooks/use-staff-day';
import { WindowStaffGate } from '../window-staff-gate';
import { HallCancelCard } from './hall-cancel-card';
import '../staff-booking.scss';

export default function StaffTodayPage() {
  return (
    <PageShell id="page-staff-today" className="staff-booking">
      <WindowStaffGate>{(hall) => <TodayBody hallId={hall.hallId} hallName={hall.hallName} />}</WindowStaffGate>
    </PageShell>
  );
}

function TodayBody({ hallId, hallName }: { hallId: string; hallName: string }) {
  const view = useStaffDay(hallId);
  const cancel = useHallCancel(hallId, view.reload);
  return (
    <>
      <View className="staff-booking__header">
        <Text className="staff-booking__title">{hallName}</Text>
        {view.day.status === 'ready' ? (
          <Text className="gp-muted" id="staff-today-summary">
            {view.day.data.date} · 候办 {view.day.data.waitingCount} 人
          </Text>
        ) : null}
      </View>
      <CheckInCard view={view} />
      {cancel.doneMessage ? (
        <Text className="staff-booking__result staff-booking__header" id="staff-cancel-done">
          {cancel.doneMessage}
        </Text>
      ) : null}
      {view.day.status === 'error' ? (
        <EmptyState id="staff-today-error" title="加载失败" description={view.day.message} action={<Button onClick={view.reload}>重新加载</Button>} />
      ) : view.day.status !== 'ready' ? (
        <EmptyState id="staff-today-loading" title="正在加载" />
      ) : (
        <DayList day={view.day.data} cancel={cancel} />
      )}
    </>
  );
}

function CheckInCard({ view }: { view: StaffDay }) {
  const [code, setCode] = useState('');
  return (
    <View className="gp-card" id="staff-check-in">
      <Text className="staff-booking__title">签到</Text>
      <Input
        id="staff-check-in-code"
        className="staff-booking__input"
        type="number"
        maxlength={6}
        value={code}
        placeholder="输入 6 位签到码"
        onInput={(event) => setCode(event.detail.value)}
      />
      <View className="staff-booking__buttons">
        <Button id="staff-check-in-submit" type="primary" loading={view.isCheckingIn} disabled={code.trim().length < 6} onClick={() => void view.checkInWithCode(code).then(() => setCode(''))}>
          签到
        </Button>
        <Button id="staff-check-in-scan" fill="outline" type="primary" onClick={() => void view.checkInByScan()}>
          扫码签到
        </Button>
      </View>
      {view.checkInError ? (
        <Text className="gp-error" id="staff-check-in-error">
          {view.checkInError}
        </Text>
      ) : null}
      {view.checkedIn ? (
        <Text className="staff-booking__result" id="staff-check-in-result">
          签到成功 · 排队号 {view.checkedIn.queueNumber ?? '—'} · {view.checkedIn.itemName}
        </Text>
      ) : null}
    </View>
  );
}

const cancellableStatuses: readonly StaffAppointment['status'][] = ['BOOKED', 'CHECKED_IN'];

function DayList({ day, cancel }: { day: StaffDayResponse; cancel: HallCancel }) {
  if (day.slots.length === 0) return <EmptyState id="staff-today-empty" title="今日无预约时段" />;
  const hasOpenSlot = day.slots.some((slot) => !slot.isClosed);
  return (
    <View id="staff-today-slots">
      {hasOpenSlot ? (
        <View className="staff-booking__buttons staff-booking__cancel-day">
          <Button id="staff-cancel-day" size="small" fill="outline" type="danger" onClick={() => cancel.pick({ target: { kind: 'DAY', date: day.date }, label: `${day.date} 全天预约` })}>
            取消全天
          </Button>
        </View>
      ) : null}
      {cancel.choice?.target.kind === 'DAY' ? <HallCancelCard cancel={cancel} /> : null}
      {day.slots.map((slot) => (
        <View key={slot.slotId}>
          <View className="staff-booking__slot-head">
            <Text className="staff-booking__slot-title">
              {slot.startTime}-{slot.endTime} {slot.itemGroup} · 已约 {slot.bookedCount}/{slot.capacity}
              {slot.isClosed ? ' · 已停约' : ''}
            </Text>
            {slot.isClosed ? null : (
              <Text
                className="staff-booking__link"
                id={`staff-cancel-slot-${slot.slotId}`}
                onClick={() => cancel.pick({ target: { kind: 'SLOT', slotId: slot.slotId }, label: `${slot.startTime}-${slot.endTime} 时段` })}
              >
                取消本时段
              </Text>
            )}
          </View>
          {isPicked(cancel, 'SLOT', slot.slotId) ? <HallCancelCard cancel={cancel} /> : null}
          {slot.appointments.length > 0 ? (
            <View className="gp-card">
              {slot.appointments.map((appointment) => (
                <View key={appointment.id}>
                  <View className="staff-booking__row" id={`staff-appointment-${appointment.id}`}>
                    <View className="staff-booking__main">
                      <Text>
                        {appointment.queueNumber ? `${appointment.queueNumber} · ` : ''}
                        {appointment.itemName}
                      </Text>
                      <Text className="gp-muted">
                        {appointment.residentLabel}
                        {appointment.tripNumber > 1 ? ` · 第${appointment.tripNumber}次到场` : ''}
                        {appointment.pendingPreReviews > 0 ? ` · 待预审${appointment.pendingPreReviews}` : ''}
                      </Text>
                    </View>
                    <View className="staff-booking__main">
                      <Text className="staff-booking__status">
                        {appointment.statusLabel}
                        {appointment.calledWindow ? ` ${appointment.calledWindow.code}` : ''}
                      </Text>
                      {cancellableStatuses.includes(appointment.status) ? (
                        <Text
                          className="staff-booking__link"
                          id={`staff-cancel-appointment-${appointment.id}`}
                          onClick={() => cancel.pick({ target: { kind: 'APPOINTMENT', appointmentId: appointment.id }, label: `${appointment.residentLabel}的预约` })}
                        >
                          取消预约
                        </Text>
                      ) : null}
                    </View>
                  </View>
                  {isPicked(cancel, 'APPOINTMENT', appointment.id) ? <HallCancelCard cancel={cancel} /> : null}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** Whether the reason/confirm card belongs under this slot or booking. */
function isPicked(cancel: HallCancel, kind: 'SLOT' | 'APPOINTMENT', id: string): boolean {
  const target = cancel.choice?.target;
  if (!target || target.kind !== kind) return false;
  return target.kind === 'SLOT' ? target.slotId === id : target.kind === 'APPOINTMENT' && target.appointmentId === id;
}
