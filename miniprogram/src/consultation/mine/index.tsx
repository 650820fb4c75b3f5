import { View } from '@tarojs/components';
import { OpinionCard } from '@/components/consultation/opinion-card';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { useRemoteData } from '@/hooks/use-remote-data';
import { useSession } from '@/hooks/use-session';
import { openPage, routes } from '@/navigation/routes';
import { fetchMyOpinions } from '@/services/consultation-service';
import '@/styles/consultation.scss';

export default function MyOpinionsPage() {
  const { isSignedIn } = useSession();
  const { state } = useRemoteData(isSignedIn ? 'my-opinions' : null, () => fetchMyOpinions());
  return (
    <PageShell id="page-my-opinions" className="consult">
      {!isSignedIn ? (
        <LoginRequired id="my-opinions-login" description="登录后查看您提出的意见及采纳情况。" />
      ) : state.status === 'error' ? (
        <EmptyState id="my-opinions-error" title="加载失败" description={state.message} />
      ) : state.status !== 'ready' ? (
        <EmptyState id="my-opinions-loading" title="正在加载" />
      ) : state.data.length === 0 ? (
        <EmptyState id="my-opinions-empty" title="您还没有提出过意见" description="在“意见征集”中对征求意见稿逐条提出意见。" />
      ) : (
        <View id="my-opinions-list">
          {state.data.map((opinion, index) => (
            <View key={opinion.id} onClick={() => openPage(routes.consultationDetail, { id: opinion.consultation.id })}>
              <OpinionCard opinion={opinion} index={index} showTitle />
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
