import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import type { StaffPreReview } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { usePreReviewQueue, type PreReviewQueue } from '@/hooks/use-staff-reviews';
import { MediaCheckChip } from '../media-check';
import { WindowStaffGate } from '../window-staff-gate';
import '../staff-booking.scss';

export default function StaffPreReviewsPage() {
  return (
    <PageShell id="page-staff-pre-reviews" className="staff-booking">
      <WindowStaffGate>{(hall) => <PreReviewBody hallId={hall.hallId} />}</WindowStaffGate>
    </PageShell>
  );
}

function PreReviewBody({ hallId }: { hallId: string }) {
  const queue = usePreReviewQueue(hallId);
  if (queue.items.status === 'error') return <EmptyState id="staff-pre-reviews-error" title="加载失败" description={queue.items.message} />;
  if (queue.items.status !== 'ready') return <EmptyState id="staff-pre-reviews-loading" title="正在加载" />;
  if (queue.items.data.length === 0) return <EmptyState id="staff-pre-reviews-empty" title="暂无待预审材料" />;
  return (
    <View id="staff-pre-reviews">
      {queue.items.data.map((item) => (
        <PreReviewCard key={item.id} item={item} queue={queue} />
      ))}
    </View>
  );
}

function PreReviewCard({ item, queue }: { item: StaffPreReview; queue: PreReviewQueue }) {
  const [comment, setComment] = useState('');
  const isBusy = queue.actions.busyId === item.id;
  const error = queue.actions.errors[item.id];
  return (
    <View className="gp-card" id={`pre-review-${item.id}`}>
      <Text className="staff-booking__title">{item.materialName}</Text>
      <Text className="gp-muted">
        {item.itemName} · {item.date} {item.startTime}
      </Text>
      {item.fileRemovedNote ? (
        <Text className="gp-muted pre-review__removed">{item.fileRemovedNote}</Text>
      ) : (
        <>
          <Image className={item.checkStatus === 'RISKY' ? 'media-check__image--risky' : undefined} src={item.fileUrl} mode="widthFix" style={{ width: '100%' }} />
          <View className="staff-booking__row">
            <Text className="gp-muted">图片检测</Text>
            <MediaCheckChip status={item.checkStatus} id={`pre-review-${item.id}-check`} />
          </View>
        </>
      )}
      <Textarea className="staff-booking__textarea" value={comment} maxlength={500} placeholder="需补正时写明要补正的内容" onInput={(event) => setComment(event.detail.value)} />
      <View className="staff-booking__buttons">
        <Button type="primary" loading={isBusy} onClick={() => void queue.review(item.id, 'PASSED', comment)}>
          通过
        </Button>
        <Button fill="outline" loading={isBusy} onClick={() => void queue.review(item.id, 'NEEDS_CORRECTION', comment)}>
          需补正
        </Button>
      </View>
      {error ? <Text className="gp-error">{error}</Text> : null}
    </View>
  );
}
