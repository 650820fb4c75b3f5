import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { letterTypeLabels, letterTypeSchema, type LetterStatsRow } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { TabStrip } from '@/components/tab-strip';
import { formatDateTime } from '@/format/date-time';
import { currentPeriods, usePublicLetters } from '@/hooks/use-public-letters';
import '../mailbox.scss';

type Tab = 'letters' | 'stats';
const tabs: readonly { value: Tab; title: string }[] = [
  { value: 'letters', title: '信件选登' },
  { value: 'stats', title: '办理统计' },
];
const typeOptions = [{ value: 'ALL', label: '全部' }, ...letterTypeSchema.options.filter((type) => type !== 'REPORT').map((value) => ({ value, label: letterTypeLabels[value] }))];
const percent = (ratio: number | null): string => (ratio === null ? '—' : `${Math.round(ratio * 1000) / 10}%`);

/** 信件选登 (published letters, personal data masked) and the public statistics. */
export default function PublicLettersPage() {
  const [tab, setTab] = useState<Tab>('letters');
  const view = usePublicLetters();
  const periods = currentPeriods();
  return (
    <PageShell id="page-public-letters" className="gp-page">
      <TabStrip id="public-letters-tabs" tabs={tabs} value={tab} onChange={setTab} />
      {tab === 'letters' ? (
        <>
          <OptionChips id="public-letter-types" options={typeOptions} selected={view.type ?? 'ALL'} onSelect={(value) => view.setType(letterTypeSchema.safeParse(value).data ?? null)} />
          {view.letters.status === 'error' ? (
            <EmptyState id="public-letters-error" title="加载失败" description={view.letters.message} />
          ) : view.letters.status !== 'ready' ? (
            <EmptyState id="public-letters-loading" title="正在加载" />
          ) : view.letters.data.length === 0 ? (
            <EmptyState id="public-letters-empty" title="暂无公开信件" />
          ) : (
            <View id="public-letters">
              {view.letters.data.map((letter, index) => (
                <View key={letter.id} className="gp-card" id={`public-letter-${index}`}>
                  <Text className="mailbox__title">{letter.title}</Text>
                  <Text className="gp-muted">
                    {letterTypeLabels[letter.type]} · {letter.mailboxName} · {formatDateTime(letter.submittedAt)}
                  </Text>
                  <Text className="mailbox__text">{letter.body}</Text>
                  {letter.reply ? <Text className="mailbox__text">{letter.departmentName ?? ''}答复：{letter.reply}</Text> : null}
                </View>
              ))}
            </View>
          )}
        </>
      ) : (
        <>
          <OptionChips
            id="public-stats-period"
            options={[{ value: 'month', label: '本月' }, { value: 'quarter', label: '本季度' }]}
            selected={view.period.period}
            onSelect={(value) => view.setPeriod(value === 'quarter' ? { period: 'quarter', value: periods.quarter } : { period: 'month', value: periods.month })}
          />
          {view.stats.status !== 'ready' ? (
            <EmptyState id="public-stats-loading" title={view.stats.status === 'error' ? '加载失败' : '正在加载'} />
          ) : (
            <View className="gp-card" id="public-stats">
              <View className="mailbox__stat">
                <Text>部门</Text>
                <Text>收信</Text>
                <Text>答复</Text>
                <Text>按期率</Text>
                <Text>满意率</Text>
              </View>
              {[view.stats.data.total, ...view.stats.data.departments].map((row: LetterStatsRow) => (
                <View key={row.departmentId ?? 'total'} className="mailbox__stat">
                  <Text>{row.departmentName}</Text>
                  <Text>{row.received}</Text>
                  <Text>{row.replied}</Text>
                  <Text>{percent(row.onTimeRate)}</Text>
                  <Text>{percent(row.satisfactionRate)}</Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </PageShell>
  );
}
