import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import type { HallFollowUp } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { useFollowUps, type FollowUpList } from '@/hooks/use-staff-reviews';
import { WindowStaffGate } from '../window-staff-gate';
import '../staff-booking.scss';

export default function StaffFollowUpsPage() {
  return (
    <PageShell id="page-staff-follow-ups" className="staff-booking">
      <WindowStaffGate>{(hall) => <FollowUpBody hallId={hall.hallId} />}</WindowStaffGate>
    </PageShell>
  );
}

function FollowUpBody({ hallId }: { hallId: string }) {
  const list = useFollowUps(hallId);
  if (list.items.status === 'error') return <EmptyState id="staff-follow-ups-error" title="加载失败" description={list.items.message} />;
  if (list.items.status !== 'ready') return <EmptyState id="staff-follow-ups-loading" title="正在加载" />;
  if (list.items.data.length === 0) return <EmptyState id="staff-follow-ups-empty" title="暂无回访任务" />;
  return (
    <View id="staff-follow-ups">
      {list.items.data.map((followUp, index) => (
        <FollowUpCard key={followUp.id} index={index} followUp={followUp} list={list} />
      ))}
    </View>
  );
}

function FollowUpCard({ followUp, list, index }: { followUp: HallFollowUp; list: FollowUpList; index: number }) {
  const [note, setNote] = useState('');
  const isBusy = list.actions.busyId === followUp.id;
  const error = list.actions.errors[followUp.id];
  const { rating } = followUp;
  return (
    <View className="gp-card" id={`follow-up-${index}`}>
      <View className="staff-booking__row">
        <Text className="staff-booking__title">
          {rating.levelLabel} · {rating.itemName}
        </Text>
        <Text className={followUp.isOverdue ? 'gp-error' : 'staff-booking__status'}>{followUp.isOverdue ? '已超期' : followUp.statusLabel}</Text>
      </View>
      {rating.tags.length > 0 ? <Text className="gp-muted">{rating.tags.join('、')}</Text> : null}
      {rating.text ? <Text>{rating.text}</Text> : null}
      {rating.isTextHeld ? <Text className="gp-muted">评价内容待审核，审核通过后显示</Text> : null}
      <Text className="gp-muted">须于 {formatDateTime(followUp.dueAt)} 前回访</Text>
      {followUp.status === 'OPEN' ? (
        <>
          <Textarea className="staff-booking__textarea" value={note} maxlength={1000} placeholder="回访记录（至少5个字）" onInput={(event) => setNote(event.detail.value)} />
          <View className="staff-booking__buttons">
            <Button type="primary" loading={isBusy} onClick={() => void list.resolve(followUp.id, 'FIXED', note)}>
              已整改
            </Button>
            <Button fill="outline" loading={isBusy} onClick={() => void list.resolve(followUp.id, 'EXPLAINED', note)}>
              已说明
            </Button>
          </View>
        </>
      ) : (
        <Text className="gp-muted">回访记录：{followUp.result ?? ''}</Text>
      )}
      {error ? <Text className="gp-error">{error}</Text> : null}
    </View>
  );
}
