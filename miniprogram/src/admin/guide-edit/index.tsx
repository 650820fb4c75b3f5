import { Text, View } from '@tarojs/components';
import { serviceAudienceLabels, serviceAudienceSchema, type GuideInput } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { Button } from '@/components/ui';
import { useGuideEditor, type GuideEditor } from '@/hooks/use-guide-editor';
import { usePageParam } from '@/hooks/use-page-param';
import { guideEditorRoles } from '../guide-admin-routes';
import { ChoiceField, errorsFor, ListField, NumberField, SwitchField, TextField } from './guide-fields';
import { FaqEditor, MaterialsEditor, StepsEditor } from './list-editors';
import '../guide-admin.scss';

export default function AdminGuideEditPage() {
  const code = usePageParam('code');
  return (
    <PageShell id="page-admin-guide-edit" className="guide-admin">
      <RoleGate allowed={guideEditorRoles} areaName="办事指南管理">
        {() => <EditorBody code={code || null} />}
      </RoleGate>
    </PageShell>
  );
}

function EditorBody({ code }: { code: string | null }) {
  const editor = useGuideEditor(code);
  if (!code) return <EmptyState id="guide-edit-missing" title="未指定办事指南" />;
  if (editor.guide.status === 'error') return <EmptyState id="guide-edit-error" title="加载失败" description={editor.guide.message} />;
  if (!editor.draft) return <EmptyState id="guide-edit-loading" title="正在加载" />;
  return <GuideForm editor={editor} draft={editor.draft} />;
}

function GuideForm({ editor, draft }: { editor: GuideEditor; draft: GuideInput }) {
  const fieldErrors = editor.failure?.fieldErrors ?? {};
  const set = (patch: Partial<GuideInput>) => editor.update((current) => ({ ...current, ...patch }));
  const setFee = (patch: Partial<GuideInput['fee']>) => editor.update((current) => ({ ...current, fee: { ...current.fee, ...patch } }));
  const version = editor.guide.status === 'ready' ? editor.guide.data.version : null;
  return (
    <View className="gp-card" id="guide-edit-form">
      <Text className="guide-admin__title">{draft.code}</Text>
      {version === null ? null : (
        <Text className="gp-muted" id="guide-edit-version">
          当前第{version}版
        </Text>
      )}
      <TextField id="guide-name" label="事项名称" value={draft.name} onChange={(name) => set({ name })} errors={errorsFor(fieldErrors, 'name')} />
      <ChoiceField id="guide-audience" label="服务对象" value={draft.audience} options={serviceAudienceSchema.options} labels={serviceAudienceLabels} onChange={(audience) => set({ audience })} errors={errorsFor(fieldErrors, 'audience')} />
      <ListField id="guide-themes" label="主题分类" value={draft.themes} onChange={(themes) => set({ themes })} errors={errorsFor(fieldErrors, 'themes', true)} />
      <ListField id="guide-keywords" label="搜索关键词" value={draft.keywords} onChange={(keywords) => set({ keywords })} errors={errorsFor(fieldErrors, 'keywords', true)} />
      <ListField id="guide-conditions" label="受理条件" isMultiline value={draft.conditions} onChange={(conditions) => set({ conditions })} errors={errorsFor(fieldErrors, 'conditions', true)} />
      <TextField id="guide-hours" label="办理时间" placeholder="有排班的办理大厅按大厅排班显示；无大厅时显示此处" value={draft.hours} onChange={(hours) => set({ hours })} errors={errorsFor(fieldErrors, 'hours')} />
      <TextField id="guide-consult-phone" label="咨询电话" value={draft.consultPhone ?? ''} onChange={(value) => set({ consultPhone: value.trim() ? value : null })} errors={errorsFor(fieldErrors, 'consultPhone')} />
      <TextField id="guide-supervise-phone" label="监督投诉电话" value={draft.supervisePhone ?? ''} onChange={(value) => set({ supervisePhone: value.trim() ? value : null })} errors={errorsFor(fieldErrors, 'supervisePhone')} />
      <NumberField id="guide-statutory-days" label="法定时限（工作日）" value={draft.statutoryDays} onChange={(statutoryDays) => set({ statutoryDays })} errors={errorsFor(fieldErrors, 'statutoryDays')} />
      <NumberField id="guide-promised-days" label="承诺时限（工作日）" value={draft.promisedDays} onChange={(promisedDays) => set({ promisedDays })} errors={errorsFor(fieldErrors, 'promisedDays')} />
      <NumberField id="guide-trips" label="到现场次数" value={draft.onSiteTrips} onChange={(onSiteTrips) => set({ onSiteTrips })} errors={errorsFor(fieldErrors, 'onSiteTrips')} />
      {errorsFor(fieldErrors, 'onlineDepth').map((message) => <Text key={message} className="gp-error">{message}</Text>)}
      <SwitchField id="guide-appointment" label="开通预约" value={draft.isAppointmentEnabled} onChange={(isAppointmentEnabled) => set({ isAppointmentEnabled })} errors={errorsFor(fieldErrors, 'isAppointmentEnabled')} />

      <Text className="guide-admin__section-title">收费</Text>
      <SwitchField
        id="guide-fee-charged"
        label="收费事项"
        value={draft.fee.isCharged}
        onChange={(isCharged) => setFee(isCharged ? { isCharged } : { isCharged, standard: null, amountFen: null, isOnlinePaymentEnabled: false })}
        errors={errorsFor(fieldErrors, 'fee')}
      />
      {draft.fee.isCharged ? (
        <>
          <TextField id="guide-fee-standard" label="收费标准" value={draft.fee.standard ?? ''} onChange={(standard) => setFee({ standard: standard || null })} errors={errorsFor(fieldErrors, 'fee.standard')} />
          <TextField id="guide-fee-basis" label="收费依据" value={draft.fee.basis ?? ''} onChange={(basis) => setFee({ basis: basis || null })} errors={errorsFor(fieldErrors, 'fee.basis')} />
          <TextField
            id="guide-fee-amount"
            label="金额（元，可不填）"
            value={draft.fee.amountFen === null ? '' : String(draft.fee.amountFen / 100)}
            onChange={(value) => setFee({ amountFen: value.trim() ? Math.round(Number.parseFloat(value) * 100) || null : null })}
            errors={errorsFor(fieldErrors, 'fee.amountFen')}
          />
          <SwitchField id="guide-fee-online" label="在线支付" value={draft.fee.isOnlinePaymentEnabled} onChange={(isOnlinePaymentEnabled) => setFee({ isOnlinePaymentEnabled })} />
        </>
      ) : null}

      <Text className="guide-admin__section-title">申请材料</Text>
      {errorsFor(fieldErrors, 'materials').map((message) => <Text key={message} className="gp-error">{message}</Text>)}
      <MaterialsEditor items={draft.materials} onChange={(materials) => set({ materials })} fieldErrors={fieldErrors} />

      <Text className="guide-admin__section-title">办理流程</Text>
      {errorsFor(fieldErrors, 'steps').map((message) => <Text key={message} className="gp-error">{message}</Text>)}
      <StepsEditor items={draft.steps} onChange={(steps) => set({ steps })} fieldErrors={fieldErrors} />

      <Text className="guide-admin__section-title">常见问题</Text>
      <FaqEditor items={draft.faq} onChange={(faq) => set({ faq })} fieldErrors={fieldErrors} />

      <TextField id="guide-change-note" label="修改说明" value={draft.changeNote ?? ''} onChange={(changeNote) => set({ changeNote })} errors={errorsFor(fieldErrors, 'changeNote')} />

      {editor.failure ? (
        <Text className="gp-error" id="guide-edit-failure">
          {editor.failure.message}
        </Text>
      ) : null}
      {editor.savedVersion === null ? null : (
        <Text className="gp-muted" id="guide-edit-saved">
          已保存为第{editor.savedVersion}版
        </Text>
      )}
      <View className="guide-admin__actions">
        <Button type="primary" id="guide-edit-save" loading={editor.isSaving} onClick={() => void editor.save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
