import { Input, Text, Textarea, View } from '@tarojs/components';
import { consultationStatusLabels, opinionOutcomeKindLabels, opinionOutcomeKindSchema, type Role, type StaffConsultation, type StaffOpinion } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { SectionCard } from '@/components/section-card';
import { Button } from '@/components/ui';
import { usePageParam } from '@/hooks/use-page-param';
import { useOpinionAnswers, type OpinionAnswers } from '@/hooks/use-opinion-answers';
import { openPage, routes } from '@/navigation/routes';
import '@/styles/consultation.scss';

const editorRoles: readonly Role[] = ['DEPARTMENT_HANDLER', 'ADMIN'];
const outcomeOptions = opinionOutcomeKindSchema.options.map((kind) => ({ value: kind, label: opinionOutcomeKindLabels[kind] }));

export default function ConsultationAnswerPage() {
  const departmentId = usePageParam('departmentId');
  const id = usePageParam('id');
  return (
    <PageShell id="page-staff-consultation-answer" className="consult">
      <RoleGate allowed={editorRoles} areaName="意见答复" canBindStaffAccount>
        {() => <AnswerBody departmentId={departmentId} id={id} />}
      </RoleGate>
    </PageShell>
  );
}

function AnswerBody({ departmentId, id }: { departmentId: string; id: string }) {
  const answers = useOpinionAnswers({ departmentId, id });
  const { consultation } = answers;
  if (consultation.status === 'error') return <EmptyState id="answer-error" title="加载失败" description={consultation.message} />;
  if (consultation.status !== 'ready') return <EmptyState id="answer-loading" title="正在加载" />;
  const data = consultation.data;
  return (
    <View>
      <View className="consult__intro">
        <Text className="consult__title">{data.title}</Text>
        <Text className="consult__badge" id="answer-status">{consultationStatusLabels[data.status]}</Text>
        <Text className="consult__meta" id="answer-unanswered">
          共{data.opinions.length}条意见，{data.unansweredCount}条待答复
        </Text>
      </View>
      {data.status === 'OPEN' ? <Text className="consult__meta">征集结束后才能答复意见。</Text> : null}
      {data.status === 'FEEDBACK_PUBLISHED' || answers.isPublished ? (
        <View className="consult__actions">
          <Button id="answer-view-feedback" type="primary" onClick={() => openPage(routes.consultationFeedback, { id: data.id })}>
            查看已发布的采纳情况反馈
          </Button>
        </View>
      ) : null}
      <View id="answer-opinions">
        {data.opinions.map((opinion) => (
          <OpinionRow key={opinion.id} opinion={opinion} answers={answers} isSelectable={data.status === 'CLOSED'} />
        ))}
      </View>
      {data.status === 'CLOSED' && !answers.isPublished ? <AnswerPanel answers={answers} data={data} /> : null}
      {answers.errorMessage ? (
        <Text className="gp-error" id="answer-message">
          {answers.errorMessage}
        </Text>
      ) : null}
    </View>
  );
}

function OpinionRow({ opinion, answers, isSelectable }: { opinion: StaffOpinion; answers: OpinionAnswers; isSelectable: boolean }) {
  const isSelected = answers.selected.has(opinion.id);
  return (
    <View className={`consult__card${isSelected ? ' consult__card--selected' : ''}`} id={`answer-opinion-${opinion.no}`} onClick={() => isSelectable && answers.toggle(opinion.id)}>
      <Text className="consult__meta">
        {isSelectable ? (isSelected ? '☑ ' : '☐ ') : ''}第{opinion.no}号 · {opinion.section ? `第${opinion.section.number}条` : '整体'}
        {opinion.contentCheckStatus === 'PASS' ? '' : ' · 内容待复核'}
      </Text>
      <Text className="consult__text">{opinion.body}</Text>
      {opinion.outcome ? (
        <View className="consult__outcome">
          <Text className="consult__badge">{opinionOutcomeKindLabels[opinion.outcome.outcome]}</Text>
          {opinion.outcome.reason ? <Text className="consult__text">理由：{opinion.outcome.reason}</Text> : null}
          {opinion.outcome.summary ? <Text className="consult__text">摘要：{opinion.outcome.summary}</Text> : null}
        </View>
      ) : (
        <Text className="consult__badge consult__badge--muted">待答复</Text>
      )}
    </View>
  );
}

function AnswerPanel({ answers, data }: { answers: OpinionAnswers; data: StaffConsultation }) {
  const { draft } = answers;
  return (
    <View>
      <SectionCard title={`答复所选意见（已选${answers.selected.size}条）`} id="answer-panel">
        <Text className="consult__link" id="answer-select-unanswered" onClick={answers.selectUnanswered}>
          选择全部待答复意见
        </Text>
        <OptionChips id="answer-outcome" options={outcomeOptions} selected={draft.outcome} onSelect={(value) => answers.setDraft({ outcome: opinionOutcomeKindSchema.parse(value) })} />
        {draft.outcome === 'MERGED' ? (
          <Input id="answer-merged-into" className="consult__input" type="number" value={draft.mergedIntoNo} placeholder="合并到第几号意见" onInput={(event) => answers.setDraft({ mergedIntoNo: event.detail.value })} />
        ) : null}
        {draft.outcome === 'ADOPTED' || draft.outcome === 'PARTIALLY_ADOPTED' ? (
          <Textarea id="answer-summary" className="consult__textarea" value={draft.summary} maxlength={500} placeholder="采纳情况摘要（将在反馈中公开）" onInput={(event) => answers.setDraft({ summary: event.detail.value })} />
        ) : null}
        <Textarea
          id="answer-reason"
          className="consult__textarea"
          value={draft.reason}
          maxlength={1000}
          placeholder={draft.outcome === 'NOT_ADOPTED' ? '不予采纳的理由（必填，将公开）' : '理由或说明（选填）'}
          onInput={(event) => answers.setDraft({ reason: event.detail.value })}
        />
        <Button id="answer-apply" type="primary" block loading={answers.isBusy} onClick={() => void answers.apply()}>
          保存答复
        </Button>
      </SectionCard>
      <SectionCard title="发布采纳情况反馈" id="publish-panel">
        <Text className="consult__meta">{data.unansweredCount > 0 ? `还有${data.unansweredCount}条意见未答复，全部答复后才能发布。` : '全部意见已答复。发布后所有答复同时公开，并通知每位提出意见的居民。'}</Text>
        <Textarea id="publish-explanation" className="consult__textarea" value={answers.explanation} maxlength={5000} placeholder="部门说明（如：总体采纳情况、后续工作安排）" onInput={(event) => answers.setExplanation(event.detail.value)} />
        <Button id="publish-submit" type="primary" block disabled={data.unansweredCount > 0} loading={answers.isBusy} onClick={() => void answers.publish()}>
          发布反馈
        </Button>
      </SectionCard>
    </View>
  );
}
