import { Text, View } from '@tarojs/components';
import { opinionOutcomeKindLabels, type MyOpinion } from '@govpocket/shared';
import { formatDateTime } from '@/format/date-time';

/** One of the resident's own opinions: where it applies, what it says, and the published outcome. */
export function OpinionCard({ opinion, index, showTitle = false }: { opinion: MyOpinion; index: number; showTitle?: boolean }) {
  const { outcome } = opinion;
  return (
    <View className="consult__card" id={`my-opinion-${index}`}>
      {showTitle ? <Text className="consult__card-title">{opinion.consultation.title}</Text> : null}
      <Text className="consult__meta">
        {opinion.section ? `对第${opinion.section.number}条` : '对征求意见稿整体'} · {formatDateTime(opinion.createdAt)}
      </Text>
      <Text className="consult__text">{opinion.body}</Text>
      {outcome ? (
        <View className="consult__outcome" id={`my-opinion-${index}-outcome`}>
          <Text className="consult__badge">{opinionOutcomeKindLabels[outcome.outcome]}</Text>
          {outcome.summary ? <Text className="consult__text">采纳情况：{outcome.summary}</Text> : null}
          {outcome.reason ? <Text className="consult__text">理由：{outcome.reason}</Text> : null}
          {outcome.outcome === 'MERGED' ? <Text className="consult__meta">已与{outcome.mergedIntoSectionNumber ? `第${outcome.mergedIntoSectionNumber}条的` : ''}同类意见合并处理</Text> : null}
        </View>
      ) : (
        <Text className="consult__badge consult__badge--muted">{opinion.consultation.status === 'OPEN' ? '已提交' : '待反馈'}</Text>
      )}
    </View>
  );
}
