import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { notificationEventLabels, type NotificationItem } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatMessageTime } from '@/format/date-time';
import { useMessageCentre } from '@/hooks/use-message-centre';
import { openPage, routes } from '@/navigation/routes';
import './index.scss';

/** The kind of message as a small tag, unless the title already says it. */
function describeEvent(item: NotificationItem): string {
  const label = item.eventType ? notificationEventLabels[item.eventType] : '系统消息';
  return label === item.title ? '' : label;
}

export default function MessagesPage() {
  const centre = useMessageCentre();
  useReachBottom(centre.loadMore);

  if (!centre.isSignedIn) {
    return (
      <PageShell id="page-messages" className="messages">
        <EmptyState
          id="messages-signed-out"
          title="登录后查看消息"
          action={
            <Button type="primary" onClick={() => openPage(routes.login)}>
              去登录
            </Button>
          }
        />
      </PageShell>
    );
  }

  return (
    <PageShell id="page-messages" className="messages">
      <View className="messages__header">
        <Text className="messages__summary" id="messages-unread-count">
          {centre.unreadCount > 0 ? `${centre.unreadCount} 条未读` : '没有未读消息'}
        </Text>
        <Button id="messages-read-all" size="small" fill="outline" disabled={centre.unreadCount === 0} loading={centre.isMarkingAll} onClick={() => void centre.markAllRead()}>
          全部已读
        </Button>
      </View>
      {centre.actionError ? <Text className="gp-error messages__error">{centre.actionError}</Text> : null}

      {centre.status === 'loading' ? <Text className="gp-muted messages__status">正在加载…</Text> : null}
      {centre.status === 'error' ? (
        <EmptyState id="messages-error" title="消息加载失败" description={centre.errorMessage ?? undefined} action={<Button onClick={centre.reload}>重新加载</Button>} />
      ) : null}
      {centre.status === 'ready' && centre.items.length === 0 ? <EmptyState id="messages-empty" title="暂无消息" description="预约、信件办理等进展会通知到这里" /> : null}

      {centre.items.length > 0 ? (
        <View className="messages__list" id="messages-list">
          {centre.items.map((item) => (
            <View
              key={item.id}
              id={`message-${item.id}`}
              className={`messages__item${item.isRead ? '' : ' messages__item--unread'}`}
              onClick={() => void centre.open(item)}
            >
              <View className="messages__item-head">
                {item.isRead ? null : <View className="messages__dot" />}
                <Text className="messages__title">{item.title}</Text>
                <Text className="messages__time">{formatMessageTime(item.createdAt)}</Text>
              </View>
              <Text className="messages__body">{item.body}</Text>
              <View className="messages__item-foot">
                <Text className="messages__event">{describeEvent(item)}</Text>
                {item.link ? <Text className="messages__open">查看详情</Text> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {centre.hasMore ? (
        <View className="messages__more">
          <Button id="messages-load-more" block fill="outline" loading={centre.isLoadingMore} onClick={centre.loadMore}>
            加载更多
          </Button>
        </View>
      ) : null}
      {centre.status === 'ready' && !centre.hasMore && centre.items.length > 0 ? <Text className="gp-muted messages__status">没有更多消息了</Text> : null}
      {centre.errorMessage && centre.status === 'ready' ? <Text className="gp-error messages__status">{centre.errorMessage}</Text> : null}
    </PageShell>
  );
}
