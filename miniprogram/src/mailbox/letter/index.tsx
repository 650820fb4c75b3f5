import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { letterSatisfactionLabels, letterSatisfactionSchema, letterTypeLabels, type LetterSatisfaction, type ResidentLetter } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatDateTime, formatMonthDay } from '@/format/date-time';
import { useMyLetter, type MyLetter } from '@/hooks/use-my-letter';
import { usePageParam } from '@/hooks/use-page-param';
import { useSession } from '@/hooks/use-session';
import { LetterTimeline } from '../timeline';
import '../mailbox.scss';

/** One of my letters: status, timeline, the reply and its rating, a request for more information. */
export default function MyLetterPage() {
  const id = usePageParam('id');
  const { isSignedIn } = useSession();
  const view = useMyLetter(id, isSignedIn);
  const { letter } = view;
  return (
    <PageShell id="page-my-letter" className="gp-page">
      {!isSignedIn ? (
        <LoginRequired id="my-letter-login" description="登录后查看留言详情。" />
      ) : letter.status === 'error' ? (
        <EmptyState id="my-letter-error" title="加载失败" description={letter.message} action={<Button onClick={view.reload}>重新加载</Button>} />
      ) : letter.status !== 'ready' ? (
        <EmptyState id="my-letter-loading" title="正在加载" />
      ) : (
        <LetterBody letter={letter.data} view={view} />
      )}
    </PageShell>
  );
}

function LetterBody({ letter, view }: { letter: ResidentLetter; view: MyLetter }) {
  return (
    <>
      <View className="gp-card">
        <View className="mailbox__row">
          <Text className="mailbox__title">{letter.title}</Text>
          <Text className="mailbox__status" id="my-letter-status">
            {letter.statusLabel}
          </Text>
        </View>
        <Text className="gp-muted">
          {letter.mailboxName} · {letterTypeLabels[letter.type]} · 查询码 {letter.trackingCode}
        </Text>
        <Text className="mailbox__text">{letter.body}</Text>
        <View className="mailbox__images">
          {letter.images.map((image) => (
            <Image key={image.url} className="mailbox__image" src={image.url} mode="aspectFill" />
          ))}
        </View>
        {letter.status === 'SUBMITTED' ? <Text className="gp-muted">预计 {formatMonthDay(letter.expectedAcceptBy)} 前受理</Text> : null}
        {letter.replyDueAt && !letter.reply ? <Text className="gp-muted">预计 {formatMonthDay(letter.replyDueAt)} 前答复</Text> : null}
        {letter.notAcceptedReason ? <Text className="gp-error">不予受理：{letter.notAcceptedReason}</Text> : null}
      </View>
      {letter.supplementRequest ? <SupplementCard request={letter.supplementRequest.request} view={view} /> : null}
      {letter.reply ? (
        <View className="gp-card" id="my-letter-reply">
          <Text className="mailbox__title">{letter.reply.departmentName}的答复</Text>
          <Text className="mailbox__text">{letter.reply.body}</Text>
          <Text className="gp-muted">{formatDateTime(letter.reply.repliedAt)}</Text>
        </View>
      ) : null}
      {letter.canRate ? <RatingCard letter={letter} view={view} /> : null}
      {letter.rating ? (
        <Text className="gp-card" id="my-letter-rating">
          我的评价：{letterSatisfactionLabels[letter.rating.satisfaction]}
          {letter.rating.isDefaulted ? '（逾期未评价，默认满意）' : ''}
        </Text>
      ) : null}
      {view.errorMessage ? (
        <Text className="gp-error" id="my-letter-action-error">
          {view.errorMessage}
        </Text>
      ) : null}
      <LetterTimeline entries={letter.timeline} />
    </>
  );
}

function RatingCard({ letter, view }: { letter: ResidentLetter; view: MyLetter }) {
  const [satisfaction, setSatisfaction] = useState<LetterSatisfaction | null>(null);
  const [comment, setComment] = useState('');
  return (
    <View className="gp-card" id="my-letter-rating-form">
      <Text className="mailbox__title">评价答复</Text>
      <Text className="gp-muted">{letter.rateDueAt ? `${formatDateTime(letter.rateDueAt)} 前可评价，逾期视为满意` : ''}</Text>
      <OptionChips
        id="letter-satisfaction"
        options={letterSatisfactionSchema.options.map((value) => ({ value, label: letterSatisfactionLabels[value] }))}
        selected={satisfaction}
        onSelect={(value) => setSatisfaction(letterSatisfactionSchema.parse(value))}
      />
      <Textarea id="letter-rating-comment" className="mailbox__textarea" value={comment} maxlength={500} placeholder="说说您的看法（选填）" onInput={(event) => setComment(event.detail.value)} />
      <Button id="letter-rating-submit" type="primary" disabled={!satisfaction} loading={view.isBusy} onClick={() => satisfaction && void view.rate(satisfaction, comment)}>
        提交评价
      </Button>
    </View>
  );
}

function SupplementCard({ request, view }: { request: string; view: MyLetter }) {
  const [response, setResponse] = useState('');
  return (
    <View className="gp-card" id="my-letter-supplement">
      <Text className="mailbox__title">请补充材料</Text>
      <Text className="mailbox__text">{request}</Text>
      <Textarea id="letter-supplement-text" className="mailbox__textarea" value={response} maxlength={2000} placeholder="请填写补充内容" onInput={(event) => setResponse(event.detail.value)} />
      <Button id="letter-supplement-submit" type="primary" loading={view.isBusy} onClick={() => void view.supplement(response)}>
        提交补充材料
      </Button>
    </View>
  );
}
