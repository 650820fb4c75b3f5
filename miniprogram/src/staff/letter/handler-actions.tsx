import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { StaffLetter } from '@govpocket/shared';
import { Button } from '@/components/ui';
import type { StaffLetterView } from '@/hooks/use-staff-letter';

/** What the department handler (承办人) may do while the letter is on the department's desk. */
export function HandlerActions({ letter, view }: { letter: StaffLetter; view: StaffLetterView }) {
  const working = [...letter.replies].reverse().find((reply) => reply.status === 'DRAFT' || reply.status === 'SENT_BACK');
  const [body, setBody] = useState(working?.body ?? '');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  if (letter.status !== 'ASSIGNED' && letter.status !== 'REOPENED') return null;
  const hasAskedExtension = letter.extensions.length > 0;
  return (
    <View className="gp-card" id="staff-handler-actions">
      <Text className="staff-booking__title">承办操作</Text>
      <Textarea id="staff-reply-text" className="staff-letter__textarea" value={body} maxlength={5000} placeholder="答复内容（审核通过后来信人可见）" onInput={(event) => setBody(event.detail.value)} />
      <View className="staff-letter__actions">
        <Button id="staff-reply-save" size="small" onClick={() => void view.act('reply', { body, isSubmitted: false })}>
          保存草稿
        </Button>
        <Button id="staff-reply-submit" type="primary" size="small" loading={view.isBusy} onClick={() => void view.act('reply', { body, isSubmitted: true })}>
          提交审核
        </Button>
      </View>
      <Textarea className="staff-letter__textarea" value={reason} maxlength={500} placeholder="延期或退回的原因" onInput={(event) => setReason(event.detail.value)} />
      {hasAskedExtension ? null : (
        <View className="staff-letter__actions">
          <Input className="staff-letter__input" type="number" value={days} maxlength={2} placeholder="延期工作日（≤15）" onInput={(event) => setDays(event.detail.value)} />
          <Button id="staff-extension-request" size="small" onClick={() => void view.act('extension', { days: Number(days), reason })}>
            申请延期
          </Button>
        </View>
      )}
      <Button id="staff-return" size="small" onClick={() => void view.giveBack(reason)}>
        退回（非本部门职责）
      </Button>
    </View>
  );
}
