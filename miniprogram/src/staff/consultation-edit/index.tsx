import { Input, Text, Textarea, View } from '@tarojs/components';
import type { Role } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { SectionCard } from '@/components/section-card';
import { Button } from '@/components/ui';
import { useConsultationEditor, type ConsultationEditor, type ConsultationFields } from '@/hooks/use-consultation-editor';
import { usePageParam } from '@/hooks/use-page-param';
import { leavePage, routes } from '@/navigation/routes';
import { PdfPicker } from './pdf-picker';
import '@/styles/consultation.scss';

const editorRoles: readonly Role[] = ['DEPARTMENT_HANDLER', 'ADMIN'];

export default function ConsultationEditPage() {
  const departmentId = usePageParam('departmentId');
  const id = usePageParam('id') || null;
  return (
    <PageShell id="page-staff-consultation-edit" className="consult">
      <RoleGate allowed={editorRoles} areaName="意见征集管理" canBindStaffAccount>
        {() => <EditorBody departmentId={departmentId} id={id} />}
      </RoleGate>
    </PageShell>
  );
}

function Field({ editor, name, label, placeholder, isLong = false }: { editor: ConsultationEditor; name: keyof ConsultationFields; label: string; placeholder?: string; isLong?: boolean }) {
  const value = editor.fields[name];
  const onInput = (event: { detail: { value: string } }) => editor.setField(name, event.detail.value);
  return (
    <View>
      <Text className="consult__label">{label}</Text>
      {isLong ? (
        <Textarea id={`consultation-field-${name}`} className="consult__textarea" value={value} maxlength={20000} placeholder={placeholder} onInput={onInput} />
      ) : (
        <Input id={`consultation-field-${name}`} className="consult__input" value={value} placeholder={placeholder} onInput={onInput} />
      )}
    </View>
  );
}

function EditorBody({ departmentId, id }: { departmentId: string; id: string | null }) {
  const editor = useConsultationEditor({ departmentId, id });
  if (editor.loaded.status === 'error') return <EmptyState id="consultation-editor-error" title="加载失败" description={editor.loaded.message} />;
  if (editor.loaded.status !== 'ready') return <EmptyState id="consultation-editor-loading" title="正在加载" />;
  if (editor.saved) {
    return (
      <EmptyState
        id="consultation-editor-saved"
        title="已保存"
        description={`征求意见稿共${editor.saved.sections.length}条，将于${editor.saved.startDate}自动开始征集，${editor.saved.endDate}结束。`}
        action={
          <Button type="primary" onClick={() => leavePage(routes.interact)}>
            返回
          </Button>
        }
      />
    );
  }
  return (
    <View>
      <SectionCard title="基本信息">
        <Field editor={editor} name="title" label="标题" placeholder="如：《清江市××管理办法（征求意见稿）》" />
        <Field editor={editor} name="summary" label="摘要（选填）" />
        <Field editor={editor} name="background" label="起草背景" isLong />
        <Field editor={editor} name="basis" label="起草依据" isLong />
      </SectionCard>
      <SectionCard title="征集期限">
        <Field editor={editor} name="startDate" label="开始日期" placeholder="YYYY-MM-DD，到期自动开始" />
        <Field editor={editor} name="endDate" label="结束日期（不填则默认征集30天）" placeholder="YYYY-MM-DD" />
        <Field editor={editor} name="shortenedReason" label="少于30天的理由（期限少于30天时必填）" />
      </SectionCard>
      <SectionCard title={`征求意见稿条文（${editor.sectionCount}条）`}>
        <Text className="consult__meta">每行一条；单独一行的“第×章 ××”作为其后各条的章节标题。</Text>
        <Textarea
          id="consultation-field-sections"
          className="consult__textarea"
          value={editor.fields.sectionsText}
          maxlength={-1}
          placeholder={'第一章 总则\n为了……，制定本办法。\n本办法适用于……'}
          onInput={(event) => editor.setField('sectionsText', event.detail.value)}
        />
      </SectionCard>
      <SectionCard title="附件（PDF）">
        {editor.attachments.map((attachment, index) => (
          <View key={`${attachment.fileId ?? attachment.url ?? ''}-${index}`} className="consult__stat-row">
            <Text>{attachment.name}</Text>
            <Text className="consult__link" onClick={() => editor.removeAttachment(index)}>
              移除
            </Text>
          </View>
        ))}
        <PdfPicker onPick={(file) => void editor.addDocument(file)} />
      </SectionCard>
      <SectionCard title="联系方式">
        <Field editor={editor} name="contactName" label="联系单位" />
        <Field editor={editor} name="contactPhone" label="联系电话" />
        <Field editor={editor} name="contactEmail" label="电子邮箱" />
        <Field editor={editor} name="contactAddress" label="通信地址" />
      </SectionCard>
      {editor.errorMessage ? (
        <Text className="gp-error" id="consultation-editor-message">
          {editor.errorMessage}
        </Text>
      ) : null}
      <View className="consult__actions">
        <Button id="consultation-save" type="primary" block loading={editor.isSaving} onClick={() => void editor.save()}>
          保存草稿
        </Button>
      </View>
    </View>
  );
}
