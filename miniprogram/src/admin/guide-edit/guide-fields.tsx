import { useState, type ReactNode } from 'react';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { splitList } from '@/services/guide-input-form';

/** The BFF's messages for one field path and, with `nested`, for every path below it. */
export function errorsFor(fieldErrors: Record<string, string>, path: string, nested = false): string[] {
  return Object.entries(fieldErrors)
    .filter(([key]) => key === path || (nested && key.startsWith(`${path}.`)))
    .map(([, message]) => message);
}

type FieldProps = { id: string; label: string; errors?: readonly string[]; children: ReactNode };

export function Field({ id, label, errors = [], children }: FieldProps) {
  return (
    <View className="guide-admin__field" id={`${id}-field`}>
      <Text className="guide-admin__label">{label}</Text>
      {children}
      {errors.map((message) => (
        <Text key={message} className="gp-error guide-admin__field-error">
          {message}
        </Text>
      ))}
    </View>
  );
}

type TextFieldProps = { id: string; label: string; value: string; onChange: (value: string) => void; errors?: readonly string[]; isMultiline?: boolean; placeholder?: string };

export function TextField({ id, label, value, onChange, errors, isMultiline = false, placeholder }: TextFieldProps) {
  return (
    <Field id={id} label={label} errors={errors}>
      {isMultiline ? (
        <Textarea className="guide-admin__textarea" id={id} value={value} maxlength={2000} placeholder={placeholder} onInput={(event) => onChange(event.detail.value)} />
      ) : (
        <Input className="guide-admin__input" id={id} value={value} maxlength={255} placeholder={placeholder} onInput={(event) => onChange(event.detail.value)} />
      )}
    </Field>
  );
}

type NumberFieldProps = { id: string; label: string; value: number; onChange: (value: number) => void; errors?: readonly string[] };

export function NumberField({ id, label, value, onChange, errors }: NumberFieldProps) {
  return (
    <Field id={id} label={label} errors={errors}>
      <Input className="guide-admin__input" id={id} type="number" value={String(value)} onInput={(event) => onChange(Number.parseInt(event.detail.value, 10) || 0)} />
    </Field>
  );
}

type SwitchFieldProps = { id: string; label: string; value: boolean; onChange: (value: boolean) => void; errors?: readonly string[] };

export function SwitchField({ id, label, value, onChange, errors }: SwitchFieldProps) {
  return (
    <Field id={id} label={label} errors={errors}>
      <Switch id={id} checked={value} color="#1f5fbf" onChange={(event) => onChange(event.detail.value)} />
    </Field>
  );
}

type ChoiceFieldProps<T extends string> = { id: string; label: string; value: T; options: readonly T[]; labels: Record<T, string>; onChange: (value: T) => void; errors?: readonly string[] };

/** A small closed set (audience, material form) as tappable chips. */
export function ChoiceField<T extends string>({ id, label, value, options, labels, onChange, errors }: ChoiceFieldProps<T>) {
  return (
    <Field id={id} label={label} errors={errors}>
      <View className="guide-admin__buttons" id={id}>
        {options.map((option) => (
          <Text
            key={option}
            id={`${id}-${option}`}
            className={`gp-chips__chip${option === value ? ' gp-chips__chip--selected' : ''}`}
            onClick={() => onChange(option)}
          >
            {labels[option]}
          </Text>
        ))}
      </View>
    </Field>
  );
}

type ListFieldProps = { id: string; label: string; value: readonly string[]; onChange: (value: string[]) => void; errors?: readonly string[]; isMultiline?: boolean };

/** A list typed as text (one per line, or separated by 、，): the raw text stays as typed. */
export function ListField({ id, label, value, onChange, errors, isMultiline = false }: ListFieldProps) {
  const [text, setText] = useState(() => value.join(isMultiline ? '\n' : '、'));
  const change = (next: string) => {
    setText(next);
    onChange(splitList(next));
  };
  return <TextField id={id} label={label} value={text} onChange={change} errors={errors} isMultiline={isMultiline} placeholder={isMultiline ? '每行一条' : '用“、”分隔'} />;
}
