import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { Button } from '@/components/ui';
import { useMyGuides, type MyGuideList as ListKind } from '@/hooks/use-my-guides';
import { openGuide } from '@/navigation/guide-routes';
import { openTab, routes } from '@/navigation/routes';
import { GuideCard } from './guide-card';
import './my-guide-list.scss';

const texts: Record<ListKind, { login: string; emptyTitle: string; emptyText: string; count: (total: number) => string }> = {
  favourites: {
    login: '登录后查看您收藏的事项。',
    emptyTitle: '暂无收藏',
    emptyText: '在办事指南页点击“收藏”，常办的事项就会出现在这里。',
    count: (total) => `共收藏 ${total} 个事项`,
  },
  recent: {
    login: '登录后查看您最近浏览的事项。',
    emptyTitle: '暂无浏览记录',
    emptyText: '您查看过的办事指南会按时间出现在这里。',
    count: (total) => `最近浏览的 ${total} 个事项`,
  },
};

/** 我的收藏 and 最近浏览: the resident's own guides, newest first. */
export function MyGuideList({ list }: { list: ListKind }) {
  const { state, reload } = useMyGuides(list);
  const text = texts[list];

  if (state.status === 'idle') return <LoginRequired id={`my-${list}-login`} description={text.login} />;
  if (state.status === 'error') {
    return <EmptyState id={`my-${list}-error`} title="加载失败" description={state.message} action={<Button onClick={reload}>重新加载</Button>} />;
  }
  if (state.status === 'loading') return <EmptyState id={`my-${list}-loading`} title="正在加载" />;
  if (state.data.length === 0) {
    return (
      <EmptyState
        id={`my-${list}-empty`}
        title={text.emptyTitle}
        description={text.emptyText}
        action={
          <Button type="primary" fill="outline" onClick={() => openTab(routes.services)}>
            去看看办事指南
          </Button>
        }
      />
    );
  }
  return (
    <>
      <Text className="gp-my-guides__count">{text.count(state.data.length)}</Text>
      <View className="gp-card gp-my-guides__list" id={`my-${list}-list`}>
        {state.data.map((guide) => (
          <GuideCard key={guide.code} guide={guide} onTap={() => openGuide(guide.code)} />
        ))}
      </View>
    </>
  );
}
