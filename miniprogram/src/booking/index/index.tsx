import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BookingDay, BookingSlot } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { bookingPromiseText } from '@/format/guide-format';
import { useBookingPicker } from '@/hooks/use-booking-picker';
import { usePageParam } from '@/hooks/use-page-param';
import { useReschedule } from '@/hooks/use-reschedule';
import { useSession } from '@/hooks/use-session';
import { openPage, routes } from '@/navigation/routes';
import type { RemoteData } from '@/hooks/use-remote-data';
import '../booking.scss';

/** 预约办理: hall → working day → slot; with `rescheduleId` the chosen slot moves that booking (改约). */
export default function BookingPickerPage() {
  const code = usePageParam('code');
  const rescheduleId = usePageParam('rescheduleId');
  const { isSignedIn } = useSession();
  const picker = useBookingPicker(code);
  const reschedule = useReschedule(rescheduleId);

  const pickSlot = async (slot: BookingSlot) => {
    if (!picker.hall) return;
    if (rescheduleId) {
      const moved = await reschedule.moveTo(slot.id);
      if (moved) void Taro.redirectTo({ url: `${routes.appointmentDetail}?id=${encodeURIComponent(moved.id)}` });
      else picker.reload();
      return;
    }
    openPage(routes.bookingConfirm, { code, slotId: slot.id, hallName: picker.hall.name, when: `${slot.date} ${slot.startTime}-${slot.endTime}` });
  };

  return (
    <PageShell id="page-booking" className="booking">
      {!isSignedIn ? (
        <LoginRequired id="booking-login" description="登录后即可预约到大厅办理，并在“我的预约”中查看签到码。" />
      ) : picker.halls.status === 'error' ? (
        <EmptyState id="booking-error" title="加载失败" description={picker.halls.message} />
      ) : picker.halls.status !== 'ready' ? (
        <EmptyState id="booking-loading" title="正在加载" description="正在获取可预约的大厅…" />
      ) : (
        <>
          <View className="booking__intro">
            <Text className="booking__title" id="booking-item-name">
              {rescheduleId ? `改约：${picker.halls.data.item.name}` : picker.halls.data.item.name}
            </Text>
            <Text className="gp-muted" id="booking-promise">
              {bookingPromiseText(picker.halls.data.item.onSiteTrips, picker.halls.data.item.promisedDays)}
            </Text>
          </View>
          <Text className="booking__step">1. 选择办理大厅</Text>
          {picker.halls.data.halls.length === 0 ? <EmptyState title="暂无可预约的大厅" /> : null}
          {picker.halls.data.halls.map((hall, index) => (
            <View
              key={hall.id}
              id={`booking-hall-${index}`}
              className={`booking__option${picker.hall?.id === hall.id ? ' booking__option--selected' : ''}`}
              onClick={() => picker.selectHall(hall.id)}
            >
              <View className="booking__option-main">
                <Text className="booking__option-title">{hall.name}</Text>
                <Text className="gp-muted">{hall.address}</Text>
                <Text className="gp-muted">{hall.hours}</Text>
              </View>
            </View>
          ))}
          {picker.hall ? <DayStep days={picker.days} date={picker.date} onSelect={picker.selectDate} /> : null}
          {picker.date ? <SlotStep slots={picker.slots} isSaving={reschedule.isSaving} onPick={(slot) => void pickSlot(slot)} /> : null}
          {reschedule.errorMessage ? (
            <Text className="gp-error booking__step" id="booking-reschedule-error">
              {reschedule.errorMessage}
            </Text>
          ) : null}
        </>
      )}
    </PageShell>
  );
}

function DayStep({ days, date, onSelect }: { days: RemoteData<BookingDay[]>; date: string | null; onSelect: (date: string) => void }) {
  if (days.status === 'error') return <Text className="gp-error booking__step">{days.message}</Text>;
  if (days.status !== 'ready') return <Text className="booking__step">正在获取可预约日期…</Text>;
  const bookable = days.data.filter((day) => day.isBookable);
  return (
    <>
      <Text className="booking__step">2. 选择日期（仅工作日）</Text>
      {bookable.length === 0 ? (
        <EmptyState id="booking-no-days" title="近期已约满" description="请过几天再来看看，或选择其他大厅。" />
      ) : (
        <OptionChips
          id="booking-days"
          selected={date}
          onSelect={onSelect}
          options={bookable.map((day) => ({ value: day.date, label: `${day.label}${day.isMakeupWorkday ? '(调休)' : ''} 余${day.remaining}` }))}
        />
      )}
    </>
  );
}

function SlotStep({ slots, isSaving, onPick }: { slots: RemoteData<BookingSlot[]>; isSaving: boolean; onPick: (slot: BookingSlot) => void }) {
  if (slots.status === 'error') return <Text className="gp-error booking__step">{slots.message}</Text>;
  if (slots.status !== 'ready') return <Text className="booking__step">正在获取时段…</Text>;
  return (
    <View id="booking-slots">
      <Text className="booking__step">3. 选择时段</Text>
      {slots.data.length === 0 ? <EmptyState title="当天没有可预约的时段" /> : null}
      {slots.data.map((slot, index) => (
        <View
          key={slot.id}
          id={`booking-slot-${index}`}
          className={`booking__option${slot.isBookable ? '' : ' booking__option--disabled'}`}
          onClick={slot.isBookable && !isSaving ? () => onPick(slot) : undefined}
        >
          <Text className="booking__option-title">
            {slot.startTime}-{slot.endTime}
          </Text>
          <Text className={`booking__option-side${slot.isBookable ? '' : ' booking__option-side--closed'}`}>
            {slot.isBookable ? `余 ${slot.remaining} 个` : (slot.closedReasonLabel ?? '不可预约')}
          </Text>
        </View>
      ))}
      {isSaving ? <Text className="booking__step">正在改约…</Text> : null}
    </View>
  );
}
