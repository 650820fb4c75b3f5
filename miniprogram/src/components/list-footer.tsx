import { Text, View } from '@tarojs/components';
import type { PagedList } from '@/hooks/use-paged-list';
import './list-footer.scss';

type ListFooterProps = { list: PagedList<unknown>; id: string };

/** Below a paged list: 加载更多 (also on reaching the bottom), loading, the end, or a failure. */
export function ListFooter({ list, id }: ListFooterProps) {
  if (list.status !== 'ready') return null;
  if (list.isLoadingMore) {
    return (
      <View className="gp-list-footer" id={id}>
        <Text className="gp-list-footer__text">正在加载…</Text>
      </View>
    );
  }
  return (
    <View className="gp-list-footer" id={id}>
      {list.errorMessage ? <Text className="gp-error gp-list-footer__error">{list.errorMessage}</Text> : null}
      {list.hasMore ? (
        <Text className="gp-list-footer__more" id={`${id}-more`} onClick={list.loadMore}>
          加载更多（已显示 {list.items.length}/{list.total}）
        </Text>
      ) : list.items.length > 0 ? (
        <Text className="gp-list-footer__text">— 已显示全部 {list.total} 项 —</Text>
      ) : null}
    </View>
  );
}
