import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { notAcceptedReasonLabels, notAcceptedReasonSchema, type NotAcceptedReason, type PublishPreview, type StaffLetter } from '@govpocket/shared';
import { OptionChips } from '@/components/option-chips';
import { Button } from '@/components/ui';
import { useRemoteData } from '@/hooks/use-remote-data';
import type { StaffLetterView } from '@/hooks/use-staff-letter';
import { fetchGuideCatalog } from '@/services/guide-service';

/** What the office (信箱受理员) may do in the letter's current state. */
export function OfficeActions({ letter, view }: { letter: StaffLetter; view: StaffLetterView }) {
  const pendingExtension = letter.extensions.find((extension) => extension.status === 'PENDING');
  return (
    <View className="gp-card" id="staff-office-actions">
      <Text className="staff-booking__title">受理员操作</Text>
      {letter.status === 'SUBMITTED' ? <Intake letter={letter} view={view} /> : null}
      {letter.status === 'ACCEPTED' || letter.status === 'RETURNED' || letter.status === 'ASSIGNED' ? <Assign letter={letter} view={view} /> : null}
      {letter.status === 'REPLY_DRAFTED' ? <ReviewReply view={view} /> : null}
      {pendingExtension ? (
        <View id="staff-extension-review">
          <Text className="staff-letter__text">
            承办部门申请延期 {pendingExtension.days} 个工作日：{pendingExtension.reason}
          </Text>
          <View className="staff-letter__actions">
            <Button id="staff-extension-approve" type="primary" size="small" onClick={() => void view.act('review-extension', { decision: 'APPROVE' })}>
              同意延期
            </Button>
            <Button size="small" onClick={() => void view.act('review-extension', { decision: 'REJECT' })}>
              不同意
            </Button>
          </View>
        </View>
      ) : null}
      {letter.status === 'CLOSED' && letter.isPublishAgreed && letter.type !== 'REPORT' ? <Publish letter={letter} view={view} /> : null}
    </View>
  );
}

function Intake({ letter, view }: { letter: StaffLetter; view: StaffLetterView }) {
  const [reason, setReason] = useState<NotAcceptedReason | null>(null);
  const [text, setText] = useState('');
  const [request, setRequest] = useState('');
  return (
    <View>
      {letter.similarLetters.length > 0 ? (
        <View id="staff-similar-letters">
          <Text className="gp-error">发现相似的在办来信：</Text>
          {letter.similarLetters.map((similar) => (
            <View key={similar.id} className="staff-booking__row">
              <Text>
                {similar.trackingCode} {similar.title}（相似度 {Math.round(similar.similarity * 100)}%）
              </Text>
              <Button size="small" onClick={() => void view.act('merge', { intoLetterId: similar.id })}>
                合并
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      <View className="staff-letter__actions">
        <Button id="staff-accept" type="primary" loading={view.isBusy} disabled={letter.isAwaitingSupplement} onClick={() => void view.act('accept')}>
          受理
        </Button>
      </View>
      <Text className="gp-muted">不予受理原因</Text>
      <OptionChips id="staff-not-accept-reasons" options={notAcceptedReasonSchema.options.map((value) => ({ value, label: notAcceptedReasonLabels[value] }))} selected={reason} onSelect={(value) => setReason(notAcceptedReasonSchema.parse(value))} />
      <Textarea className="staff-letter__textarea" value={text} maxlength={400} placeholder="补充说明" onInput={(event) => setText(event.detail.value)} />
      <Button id="staff-not-accept" size="small" disabled={!reason} onClick={() => reason && void view.act('not-accept', { reasonCode: reason, text })}>
        不予受理
      </Button>
      {letter.isAwaitingSupplement ? null : (
        <>
          <Textarea className="staff-letter__textarea" value={request} maxlength={1000} placeholder="需要来信人补充的内容" onInput={(event) => setRequest(event.detail.value)} />
          <Button id="staff-supplement-request" size="small" onClick={() => void view.act('supplement-request', { request })}>
            请来信人补充材料
          </Button>
        </>
      )}
    </View>
  );
}

function Assign({ letter, view }: { letter: StaffLetter; view: StaffLetterView }) {
  const catalog = useRemoteData('guide-catalog', fetchGuideCatalog);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const isReassign = letter.status === 'ASSIGNED';
  const suggested = letter.suggestedDepartments.map((suggestion) => ({ value: suggestion.departmentId, label: `荐 ${suggestion.departmentName}` }));
  const others = catalog.state.status === 'ready' ? catalog.state.data.departments.filter((department) => !suggested.some((option) => option.value === department.id)).map((department) => ({ value: department.id, label: department.name })) : [];
  return (
    <View id="staff-assign">
      {letter.suggestedDepartments.length > 0 ? (
        <Text className="gp-muted" id="staff-suggestions">
          建议交办：{letter.suggestedDepartments.map((suggestion) => `${suggestion.departmentName}（${suggestion.reasons.join('，')}）`).join('；')}
        </Text>
      ) : null}
      <OptionChips id="staff-assign-departments" options={[...suggested, ...others]} selected={departmentId} onSelect={setDepartmentId} />
      {isReassign ? <Textarea className="staff-letter__textarea" value={reason} maxlength={500} placeholder="重新交办的原因" onInput={(event) => setReason(event.detail.value)} /> : null}
      <Button id="staff-assign-submit" type="primary" size="small" disabled={!departmentId} loading={view.isBusy} onClick={() => departmentId && void view.act(isReassign ? 'reassign' : 'assign', isReassign ? { departmentId, reason } : { departmentId })}>
        {isReassign ? '重新交办' : '交办'}
      </Button>
    </View>
  );
}

function ReviewReply({ view }: { view: StaffLetterView }) {
  const [comment, setComment] = useState('');
  return (
    <View id="staff-review-reply">
      <View className="staff-letter__actions">
        <Button id="staff-approve-reply" type="primary" size="small" loading={view.isBusy} onClick={() => void view.act('review-reply', { decision: 'APPROVE' })}>
          审核通过并答复
        </Button>
      </View>
      <Textarea className="staff-letter__textarea" value={comment} maxlength={1000} placeholder="退回修改意见" onInput={(event) => setComment(event.detail.value)} />
      <Button size="small" onClick={() => void view.act('review-reply', { decision: 'SEND_BACK', comment })}>
        退回修改
      </Button>
    </View>
  );
}

/**
 * 信件选登: the masked copy, which the office may correct (before or after publishing; the
 * resident's original never changes), then publish; a published letter can be withdrawn with a reason.
 */
function Publish({ letter, view }: { letter: StaffLetter; view: StaffLetterView }) {
  const [draft, setDraft] = useState<PublishPreview | null>(null);
  const [reason, setReason] = useState('');
  const loaded = view.publication;
  if (!loaded) {
    return (
      <View id="staff-publish">
        {letter.isPublished ? <Text className="gp-muted">已在信件选登公开</Text> : null}
        <Button id="staff-publish-preview-open" size="small" onClick={() => void view.loadPreview()}>
          {letter.isPublished ? '查看或修改公开内容' : '预览公开内容'}
        </Button>
      </View>
    );
  }
  const { preview, publication } = loaded;
  const text = draft ?? preview;
  const edit = (patch: Partial<PublishPreview>) => setDraft({ ...text, ...patch });
  const save = async () => {
    if (await view.saveText(text)) setDraft(null);
  };
  return (
    <View id="staff-publish">
      <Text className="gp-muted" id="staff-publish-state">
        {publication.isPublished ? '已在信件选登公开' : publication.withdrawnAt ? `已撤回公开：${publication.withdrawnReason ?? ''}` : '尚未公开'}
        {publication.isEdited ? '（公开文本经人工修改）' : '（个人信息已自动遮盖）'}
      </Text>
      <View id="staff-publish-preview">
        <Text className="gp-muted">公开标题</Text>
        <Textarea id="staff-publish-title" className="staff-letter__textarea" value={text.title} maxlength={64} onInput={(event) => edit({ title: event.detail.value })} />
        <Text className="gp-muted">公开内容</Text>
        <Textarea id="staff-publish-body" className="staff-letter__textarea" value={text.body} maxlength={5000} onInput={(event) => edit({ body: event.detail.value })} />
        {text.reply !== null ? (
          <>
            <Text className="gp-muted">公开答复</Text>
            <Textarea id="staff-publish-reply" className="staff-letter__textarea" value={text.reply} maxlength={5000} onInput={(event) => edit({ reply: event.detail.value })} />
          </>
        ) : null}
        <Text className="gp-muted">修改只影响公开的文本，来信人的原信和答复保持不变。</Text>
        <View className="staff-letter__actions">
          <Button id="staff-publish-save" size="small" disabled={draft === null} loading={view.isBusy} onClick={() => void save()}>
            保存公开文本
          </Button>
          {publication.isPublished ? null : (
            <Button id="staff-publish-confirm" type="primary" size="small" disabled={draft !== null} loading={view.isBusy} onClick={() => void view.publish()}>
              确认公开
            </Button>
          )}
        </View>
      </View>
      {publication.isPublished ? (
        <View id="staff-publish-withdraw">
          <Textarea id="staff-withdraw-reason" className="staff-letter__textarea" value={reason} maxlength={500} placeholder="撤回公开的原因（必填）" onInput={(event) => setReason(event.detail.value)} />
          <Button id="staff-withdraw-submit" size="small" disabled={reason.trim().length < 2} loading={view.isBusy} onClick={() => void view.withdraw(reason.trim())}>
            撤回公开
          </Button>
        </View>
      ) : null}
    </View>
  );
}
