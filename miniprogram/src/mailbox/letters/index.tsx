import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { useRemoteData } from '@/hooks/use-remote-data';
import { useSession } from '@/hooks/use-session';
import { openPage, routes } from '@/navigation/routes';
import { fetchMyLetters } from '@/services/mailbox-service';
import '../mailbox.scss';

/** 我的留言: every letter I wrote, newest first. */
export default function MyLettersPage() {
  const { isSignedIn } = useSession();
  const letters = useRemoteData(isSignedIn ? 'my-letters' : null, fetchMyLetters);
  const state = letters.state;
  return (
    <PageShell id="page-my-letters" className="gp-page">
      {!isSignedIn ? (
        <LoginRequired id="my-letters-login" description="登录后查看您写过的信件及答复。" />
      ) : state.status === 'error' ? (
        <EmptyState id="my-letters-error" title="加载失败" description={state.message} action={<Button onClick={letters.reload}>重新加载</Button>} />
      ) : state.status !== 'ready' ? (
        <EmptyState id="my-letters-loading" title="正在加载" />
      ) : state.data.length === 0 ? (
        <EmptyState id="my-letters-empty" title="还没有留言" action={<Button type="primary" onClick={() => openPage(routes.letterWrite)}>写信</Button>} />
      ) : (
        <View id="my-letters">
          {state.data.map((letter, index) => (
            <View key={letter.id} id={`my-letter-${index}`} className="gp-card" onClick={() => openPage(routes.letterDetail, { id: letter.id })}>
              <View className="mailbox__row">
                <Text className="mailbox__title">{letter.title}</Text>
                <Text className="mailbox__status">{letter.isAwaitingSupplement ? '待补充材料' : letter.statusLabel}</Text>
              </View>
              <Text className="gp-muted">
                {letter.mailboxName} · 查询码 {letter.trackingCode} · {formatDateTime(letter.submittedAt)}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
