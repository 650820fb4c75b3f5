import { Text, View } from '@tarojs/components';
import type { TripStatsResponse } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useTripStats } from '@/hooks/use-trip-stats';
import { WindowStaffGate } from '../window-staff-gate';
import '../staff-booking.scss';

/** 办件跑动统计: how many times residents actually came, against the trips each item promises. */
export default function StaffTripStatsPage() {
  return (
    <PageShell id="page-staff-trip-stats" className="staff-booking">
      <WindowStaffGate>{(hall) => <TripStatsBody hallId={hall.hallId} hallName={hall.hallName} />}</WindowStaffGate>
    </PageShell>
  );
}

function TripStatsBody({ hallId, hallName }: { hallId: string; hallName: string }) {
  const { stats, reload } = useTripStats(hallId);
  return (
    <>
      <View className="staff-booking__header">
        <Text className="staff-booking__title">{hallName}</Text>
        <Text className="gp-muted">已办结事项的实际到场次数与承诺跑动次数对比</Text>
      </View>
      {stats.status === 'error' ? (
        <EmptyState id="staff-trip-stats-error" title="加载失败" description={stats.message} action={<Button onClick={reload}>重新加载</Button>} />
      ) : stats.status !== 'ready' ? (
        <EmptyState id="staff-trip-stats-loading" title="正在加载" />
      ) : stats.data.items.length === 0 ? (
        <EmptyState id="staff-trip-stats-empty" title="暂无办结记录" />
      ) : (
        <TripStatsList items={stats.data.items} />
      )}
    </>
  );
}

function TripStatsList({ items }: { items: TripStatsResponse['items'] }) {
  return (
    <View className="gp-card" id="staff-trip-stats">
      {items.map((item) => {
        const isOverPromise = item.averageTrips > item.promisedTrips;
        return (
          <View key={item.itemCode} className="staff-booking__row" id={`trip-stats-${item.itemCode}`}>
            <View className="staff-booking__main">
              <Text>{item.itemName}</Text>
              <Text className="gp-muted">
                承诺 {item.promisedTrips} 次 · 办结 {item.completedCases} 件{item.casesOverPromise > 0 ? ` · 超承诺 ${item.casesOverPromise} 件` : ''}
              </Text>
            </View>
            <Text className={isOverPromise ? 'gp-error' : 'staff-booking__status'}>平均 {item.averageTrips.toFixed(1)} 次</Text>
          </View>
        );
      })}
    </View>
  );
}
