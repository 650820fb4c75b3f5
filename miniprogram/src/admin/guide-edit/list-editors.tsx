import { Text, View } from '@tarojs/components';
import { materialFormLabels, materialFormSchema, type GuideInput } from '@govpocket/shared';
import { Button } from '@/components/ui';
import { blankMaterial, moveEntry, type GuideMaterialInput } from '@/services/guide-input-form';
import { ChoiceField, errorsFor, NumberField, SwitchField, TextField } from './guide-fields';

type EditorProps<T> = { items: readonly T[]; onChange: (items: T[]) => void; fieldErrors: Record<string, string> };

function EntryButtons({ id, onMove, onRemove }: { id: string; onMove: (offset: -1 | 1) => void; onRemove: () => void }) {
  return (
    <View className="guide-admin__buttons">
      <Button size="small" fill="outline" id={`${id}-up`} onClick={() => onMove(-1)}>
        上移
      </Button>
      <Button size="small" fill="outline" id={`${id}-down`} onClick={() => onMove(1)}>
        下移
      </Button>
      <Button size="small" fill="none" id={`${id}-remove`} onClick={onRemove}>
        删除
      </Button>
    </View>
  );
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, at) => (at === index ? item : current));
}

/** 申请材料: name, form, copies, and either 必需 or the case it applies to. */
export function MaterialsEditor({ items, onChange, fieldErrors }: EditorProps<GuideMaterialInput>) {
  return (
    <View id="guide-materials">
      {items.map((material, index) => {
        const id = `guide-material-${index}`;
        const set = (patch: Partial<GuideMaterialInput>) => onChange(replaceAt(items, index, { ...material, ...patch }));
        const path = `materials.${index}`;
        return (
          <View key={index} className="guide-admin__entry" id={id}>
            <Text className="guide-admin__label">材料 {index + 1}</Text>
            <TextField id={`${id}-name`} label="材料名称" value={material.name} onChange={(name) => set({ name })} errors={errorsFor(fieldErrors, `${path}.name`)} />
            <ChoiceField id={`${id}-form`} label="材料形式" value={material.form} options={materialFormSchema.options} labels={materialFormLabels} onChange={(form) => set({ form })} errors={errorsFor(fieldErrors, `${path}.form`)} />
            <NumberField id={`${id}-copies`} label="份数" value={material.copies} onChange={(copies) => set({ copies })} errors={errorsFor(fieldErrors, `${path}.copies`)} />
            <SwitchField
              id={`${id}-required`}
              label="必需材料"
              value={material.isRequired}
              onChange={(isRequired) => set({ isRequired, condition: isRequired ? null : (material.condition ?? '') })}
            />
            {material.isRequired ? null : (
              <TextField id={`${id}-condition`} label="适用情形" value={material.condition ?? ''} onChange={(condition) => set({ condition })} errors={errorsFor(fieldErrors, `${path}.condition`)} />
            )}
            {material.isRequired ? errorsFor(fieldErrors, `${path}.condition`).map((message) => <Text key={message} className="gp-error">{message}</Text>) : null}
            <SwitchField id={`${id}-electronic`} label="支持电子证照" value={material.isElectronicAccepted} onChange={(isElectronicAccepted) => set({ isElectronicAccepted })} errors={errorsFor(fieldErrors, `${path}.isElectronicAccepted`)} />
            <EntryButtons id={id} onMove={(offset) => onChange(moveEntry(items, index, offset))} onRemove={() => onChange(items.filter((_, at) => at !== index))} />
          </View>
        );
      })}
      <Button size="small" type="primary" fill="outline" id="guide-material-add" onClick={() => onChange([...items, blankMaterial()])}>
        添加材料
      </Button>
    </View>
  );
}

type Step = GuideInput['steps'][number];

/** 办理流程: each step with its actor, what happens and its working days. */
export function StepsEditor({ items, onChange, fieldErrors }: EditorProps<Step>) {
  return (
    <View id="guide-steps">
      {items.map((step, index) => {
        const id = `guide-step-${index}`;
        const set = (patch: Partial<Step>) => onChange(replaceAt(items, index, { ...step, ...patch }));
        const path = `steps.${index}`;
        return (
          <View key={index} className="guide-admin__entry" id={id}>
            <TextField id={`${id}-name`} label={`环节 ${index + 1}`} value={step.name} onChange={(name) => set({ name })} errors={errorsFor(fieldErrors, `${path}.name`)} />
            <TextField id={`${id}-actor`} label="办理人员" value={step.actor} onChange={(actor) => set({ actor })} errors={errorsFor(fieldErrors, `${path}.actor`)} />
            <TextField id={`${id}-description`} label="办理内容" isMultiline value={step.description} onChange={(description) => set({ description })} errors={errorsFor(fieldErrors, `${path}.description`)} />
            <NumberField id={`${id}-days`} label="时限（工作日）" value={step.days} onChange={(days) => set({ days })} errors={errorsFor(fieldErrors, `${path}.days`)} />
            <SwitchField id={`${id}-counts`} label="计入承诺时限" value={step.countsTowardLimit} onChange={(countsTowardLimit) => set({ countsTowardLimit })} />
            <EntryButtons id={id} onMove={(offset) => onChange(moveEntry(items, index, offset))} onRemove={() => onChange(items.filter((_, at) => at !== index))} />
          </View>
        );
      })}
      <Button size="small" type="primary" fill="outline" id="guide-step-add" onClick={() => onChange([...items, { name: '', actor: '', description: '', days: 0, countsTowardLimit: true }])}>
        添加环节
      </Button>
    </View>
  );
}

type Faq = GuideInput['faq'][number];

/** 常见问题: question and answer pairs. */
export function FaqEditor({ items, onChange, fieldErrors }: EditorProps<Faq>) {
  return (
    <View id="guide-faq">
      {items.map((faq, index) => {
        const id = `guide-faq-${index}`;
        const set = (patch: Partial<Faq>) => onChange(replaceAt(items, index, { ...faq, ...patch }));
        return (
          <View key={index} className="guide-admin__entry" id={id}>
            <TextField id={`${id}-question`} label={`问题 ${index + 1}`} value={faq.question} onChange={(question) => set({ question })} errors={errorsFor(fieldErrors, `faq.${index}.question`)} />
            <TextField id={`${id}-answer`} label="解答" isMultiline value={faq.answer} onChange={(answer) => set({ answer })} errors={errorsFor(fieldErrors, `faq.${index}.answer`)} />
            <EntryButtons id={id} onMove={(offset) => onChange(moveEntry(items, index, offset))} onRemove={() => onChange(items.filter((_, at) => at !== index))} />
          </View>
        );
      })}
      <Button size="small" type="primary" fill="outline" id="guide-faq-add" onClick={() => onChange([...items, { question: '', answer: '' }])}>
        添加问题
      </Button>
    </View>
  );
}
