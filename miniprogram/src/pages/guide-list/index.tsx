import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { EmptyState } from '@/components/empty-state';
import { GuideCard } from '@/components/guide/guide-card';
import { ListFooter } from '@/components/list-footer';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useLifeEventGuides } from '@/hooks/use-life-event-guides';
import { usePageParam } from '@/hooks/use-page-param';
import { openGuide } from '@/navigation/guide-routes';
import './index.scss';

export default function GuideListPage() {
  const lifeEvent = usePageParam('lifeEvent');
  const { description, guides } = useLifeEventGuides(lifeEvent);
  useReachBottom(guides.loadMore);

  if (!lifeEvent) {
    return (
      <PageShell id="page-guide-list">
        <EmptyState id="guide-list-missing" title="未指定事项分类" description="请从首页的“一件事一次办”进入" />
      </PageShell>
    );
  }

  return (
    <PageShell id="page-guide-list" className="guide-list">
      <View className="guide-list__header">
        <Text className="guide-list__title" id="guide-list-title">
          {lifeEvent}“一件事”
        </Text>
        {description ? <Text className="guide-list__description">{description}</Text> : null}
        {guides.status === 'ready' ? <Text className="guide-list__count">涉及 {guides.total} 个事项，可按需逐项办理</Text> : null}
      </View>

      {guides.status === 'error' ? (
        <EmptyState id="guide-list-error" title="加载失败" description={guides.errorMessage ?? undefined} action={<Button onClick={guides.reload}>重新加载</Button>} />
      ) : guides.status === 'ready' && guides.items.length === 0 ? (
        <EmptyState id="guide-list-empty" title="暂无事项" description="该“一件事”下暂无已发布的事项" />
      ) : guides.status === 'ready' ? (
        <>
          <View className="gp-card guide-list__items" id="guide-list-items">
            {guides.items.map((guide) => (
              <GuideCard key={guide.code} guide={guide} onTap={() => openGuide(guide.code)} />
            ))}
          </View>
          <ListFooter list={guides} id="guide-list-footer" />
        </>
      ) : (
        <Text className="gp-muted guide-list__loading">正在加载…</Text>
      )}
    </PageShell>
  );
}
