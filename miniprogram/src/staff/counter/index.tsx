import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useStaffCounter, type StaffCounter } from '@/hooks/use-staff-counter';
import { WindowStaffGate } from '../window-staff-gate';
import { FeeOrderCard } from './fee-order-card';
import '../staff-booking.scss';

export default function StaffCounterPage() {
  return (
    <PageShell id="page-staff-counter" className="staff-booking">
      <WindowStaffGate>{(hall) => <CounterBody hallId={hall.hallId} />}</WindowStaffGate>
    </PageShell>
  );
}

function CounterBody({ hallId }: { hallId: string }) {
  const counter = useStaffCounter(hallId);
  if (counter.windows.status === 'error') return <EmptyState id="staff-counter-error" title="加载失败" description={counter.windows.message} />;
  if (counter.windows.status !== 'ready') return <EmptyState id="staff-counter-loading" title="正在加载" />;
  const windows = counter.windows.data.filter((window) => window.isActive);
  return (
    <>
      <Text className="staff-booking__slot-title">我的窗口</Text>
      <OptionChips id="staff-windows" options={windows.map((window) => ({ value: window.id, label: `${window.code} ${window.name}` }))} selected={counter.windowId} onSelect={counter.selectWindow} />
      <View className="gp-card" id="staff-counter">
        {counter.waitingCount !== null ? <Text className="gp-muted">候办 {counter.waitingCount} 人</Text> : null}
        {counter.current ? <Serving counter={counter} otherWindows={windows.filter((window) => window.id !== counter.windowId)} /> : null}
        {counter.current?.status === 'SERVING' ? <FeeOrderCard hallId={hallId} appointmentId={counter.current.id} /> : null}
        {!counter.current ? (
          <Button id="staff-call-next" type="primary" block loading={counter.isBusy} disabled={!counter.windowId} onClick={() => void counter.callNext()}>
            叫下一位
          </Button>
        ) : null}
        {counter.message ? (
          <Text className="staff-booking__result" id="staff-counter-message">
            {counter.message}
          </Text>
        ) : null}
        {counter.errorMessage ? (
          <Text className="gp-error" id="staff-counter-error">
            {counter.errorMessage}
          </Text>
        ) : null}
      </View>
    </>
  );
}

function Serving({ counter, otherWindows }: { counter: StaffCounter; otherWindows: { id: string; code: string; name: string }[] }) {
  const current = counter.current;
  if (!current) return null;
  const isServing = current.status === 'SERVING';
  return (
    <View id="staff-current">
      <Text className="staff-booking__queue-number" id="staff-current-number">
        {current.queueNumber ?? '—'}
      </Text>
      <Text className="gp-muted">
        {current.itemName} · {current.residentLabel} · {current.statusLabel}
      </Text>
      <View className="staff-booking__buttons">
        {isServing ? (
          <Button id="staff-complete" type="primary" loading={counter.isBusy} onClick={() => void counter.advance('complete')}>
            办结
          </Button>
        ) : (
          <>
            <Button id="staff-serve" type="primary" loading={counter.isBusy} onClick={() => void counter.advance('serve')}>
              开始办理
            </Button>
            <Button id="staff-no-show" fill="outline" loading={counter.isBusy} onClick={() => void counter.advance('no-show')}>
              未到
            </Button>
          </>
        )}
      </View>
      {otherWindows.length > 0 ? (
        <View className="staff-booking__buttons" id="staff-transfer">
          {otherWindows.map((window) => (
            <Button key={window.id} size="small" fill="outline" onClick={() => void counter.transfer(window.id)}>
              转 {window.code}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}
