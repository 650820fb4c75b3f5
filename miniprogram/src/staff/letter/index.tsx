import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { letterTypeLabels, type StaffLetter } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { usePageParam } from '@/hooks/use-page-param';
import { useStaffLetter, type StaffLetterView } from '@/hooks/use-staff-letter';
import { CheckedImages } from '../media-check';
import { HandlerActions } from './handler-actions';
import { OfficeActions } from './office-actions';
import '../staff-booking.scss';
import '../letters/letters.scss';

/** One letter for staff: everything internal (phone, notes, replies, history) and the actions of the reader's role. */
export default function StaffLetterPage() {
  const id = usePageParam('id');
  return (
    <PageShell id="page-staff-letter" className="staff-booking">
      <RoleGate allowed={['MAILBOX_OFFICE', 'DEPARTMENT_HANDLER', 'ADMIN']} areaName="信件办理" canBindStaffAccount>
        {({ grants }) => <LetterScreen id={id} isOffice={grants.some((grant) => grant.role === 'MAILBOX_OFFICE' || grant.role === 'ADMIN')} isHandler={grants.some((grant) => grant.role === 'DEPARTMENT_HANDLER')} />}
      </RoleGate>
    </PageShell>
  );
}

function LetterScreen({ id, isOffice, isHandler }: { id: string; isOffice: boolean; isHandler: boolean }) {
  const view = useStaffLetter(id);
  const { letter } = view;
  if (letter.status === 'error') return <EmptyState id="staff-letter-error" title="加载失败" description={letter.message} />;
  if (letter.status !== 'ready') return <EmptyState id="staff-letter-loading" title="正在加载" />;
  const data = letter.data;
  return (
    <View>
      <View className="gp-card">
        <View className="staff-booking__row">
          <Text className="staff-booking__title">{data.title}</Text>
          <Text className="staff-booking__status" id="staff-letter-status">
            {data.statusLabel}
          </Text>
        </View>
        <Text className="gp-muted">
          {data.trackingCode} · {letterTypeLabels[data.type]} · {data.mailboxName} · 联系电话 {data.contactPhone}
        </Text>
        {data.dueAt ? <Text className="staff-letters__due">期限 {formatDateTime(data.dueAt)}{data.isAwaitingSupplement ? '（等待补充材料，计时暂停）' : ''}</Text> : null}
        <Text className="staff-letter__text">{data.body}</Text>
        <CheckedImages images={data.images} idPrefix="staff-letter" />
        {data.departmentName ? <Text className="gp-muted">承办部门：{data.departmentName}</Text> : null}
      </View>
      {view.message ? (
        <Text className="gp-card" id="staff-letter-message">
          {view.message}
        </Text>
      ) : null}
      {view.errorMessage ? (
        <Text className="gp-error" id="staff-letter-action-error">
          {view.errorMessage}
        </Text>
      ) : null}
      {isOffice ? <OfficeActions letter={data} view={view} /> : null}
      {isHandler ? <HandlerActions letter={data} view={view} /> : null}
      <Replies letter={data} />
      <Notes letter={data} view={view} />
      <View className="gp-card" id="staff-letter-events">
        <Text className="staff-booking__title">办理记录</Text>
        {data.events.map((event, index) => (
          <Text key={index} className="gp-muted staff-letter__text">
            {formatDateTime(event.at)} {event.label}
            {event.reason ? `：${event.reason}` : ''}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Replies({ letter }: { letter: StaffLetter }) {
  if (letter.replies.length === 0) return null;
  return (
    <View className="gp-card" id="staff-letter-replies">
      <Text className="staff-booking__title">答复</Text>
      {letter.replies.map((reply) => (
        <View key={reply.id}>
          <Text className="staff-letter__text">{reply.body}</Text>
          <Text className="gp-muted">
            第{reply.round}轮 · {reply.status === 'SUBMITTED' ? '待审核' : reply.status === 'APPROVED' ? '已通过' : reply.status === 'SENT_BACK' ? `已退回：${reply.reviewComment ?? ''}` : '草稿'}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Notes({ letter, view }: { letter: StaffLetter; view: StaffLetterView }) {
  const [body, setBody] = useState('');
  return (
    <View className="gp-card" id="staff-letter-notes">
      <Text className="staff-booking__title">内部备注（仅工作人员可见）</Text>
      {letter.notes.map((note) => (
        <Text key={note.id} className="staff-letter__text">
          {note.authorName}：{note.body}
        </Text>
      ))}
      <Textarea id="staff-note-text" className="staff-letter__textarea" value={body} maxlength={2000} placeholder="添加备注" onInput={(event) => setBody(event.detail.value)} />
      <Button id="staff-note-add" size="small" onClick={() => void view.act('notes', { body }).then((isDone) => isDone && setBody(''))}>
        添加备注
      </Button>
    </View>
  );
}
