import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { letterTypeLabels, letterTypeSchema } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { PhoneBindingRow } from '@/components/phone-binding-row';
import { Button } from '@/components/ui';
import { useSession } from '@/hooks/use-session';
import { maxLetterImages, useWriteLetter, type WriteLetter } from '@/hooks/use-write-letter';
import { openPage, routes } from '@/navigation/routes';
import '../mailbox.scss';

const typeOptions = letterTypeSchema.options.map((value) => ({ value, label: letterTypeLabels[value] }));

export default function WriteLetterPage() {
  const { isSignedIn, user } = useSession();
  return (
    <PageShell id="page-letter-write" className="gp-page">
      {!isSignedIn ? <LoginRequired id="letter-write-login" description="登录后即可写信，并随时查看办理进度。" /> : <Composer hasPhone={user?.hasPhone ?? false} />}
    </PageShell>
  );
}

function Composer({ hasPhone }: { hasPhone: boolean }) {
  const letter = useWriteLetter();
  const { draft, update, mailboxes } = letter;
  if (mailboxes.status === 'error') return <EmptyState id="letter-write-error" title="加载失败" description={mailboxes.message} />;
  if (mailboxes.status !== 'ready') return <EmptyState id="letter-write-loading" title="正在加载" />;
  const mailbox = mailboxes.data.find((candidate) => candidate.id === draft.mailboxId);
  return (
    <View className="gp-card">
      <Text className="mailbox__field">选择信箱</Text>
      <OptionChips id="letter-mailboxes" options={mailboxes.data.map((row) => ({ value: row.id, label: row.name }))} selected={draft.mailboxId} onSelect={(mailboxId) => update({ mailboxId })} />
      {mailbox ? (
        <Text className="gp-muted" id="letter-mailbox-description">
          {mailbox.description} 受理时限 {mailbox.acceptDays} 个工作日，受理后 {mailbox.promisedDays} 个工作日内答复。
        </Text>
      ) : null}
      <Text className="mailbox__field">信件类型</Text>
      <OptionChips id="letter-types" options={typeOptions} selected={draft.type} onSelect={(type) => update({ type: letterTypeSchema.parse(type) })} />
      <Text className="mailbox__field">标题（5-40字）</Text>
      <Input id="letter-title" className="mailbox__input" value={draft.title} maxlength={40} placeholder="请简要概括您反映的问题" onInput={(event) => update({ title: event.detail.value })} />
      <Text className="mailbox__field">内容（10-2000字）</Text>
      <Textarea id="letter-body" className="mailbox__textarea" value={draft.body} maxlength={2000} placeholder="请写明时间、地点和具体情况" onInput={(event) => update({ body: event.detail.value })} />
      <Text className="gp-muted">{[...draft.body].length}/2000</Text>
      <ImageField letter={letter} />
      <View className="mailbox__row" id="letter-publish" onClick={() => draft.type !== 'REPORT' && update({ isPublishAgreed: !draft.isPublishAgreed })}>
        <Text>同意在“信件选登”中公开（隐去个人信息）</Text>
        <Text className="mailbox__status" id="letter-publish-status">{draft.type === 'REPORT' ? '举报信件不公开' : draft.isPublishAgreed ? '同意（点按取消）' : '不同意（点按同意）'}</Text>
      </View>
      <Text className="gp-muted" id="letter-publish-explain">
        默认不公开。选择同意后，来信办结时，信箱工作人员可将您的来信和答复在“信件选登”栏目中公开，任何人都能查看；公开前会隐去姓名、电话、身份证号、门牌号、车牌等个人信息。公开后如需撤回，可联系信箱工作人员申请撤回。
      </Text>
      {hasPhone ? null : <PhoneBindingRow />}
      {letter.errorMessage ? (
        <Text className="gp-error" id="letter-write-error-message">
          {letter.errorMessage}
        </Text>
      ) : null}
      <View className="mailbox__actions">
        <Button id="letter-submit" type="primary" loading={letter.isBusy} onClick={() => void sendAndShowReceipt(letter)}>
          提交
        </Button>
        <Text className="gp-muted">草稿自动保存在本机，网络中断也不会丢失。</Text>
      </View>
    </View>
  );
}

function ImageField({ letter }: { letter: WriteLetter }) {
  return (
    <View>
      <Text className="mailbox__field">
        图片（{letter.draft.images.length}/{maxLetterImages}）
      </Text>
      <View className="mailbox__images">
        {letter.draft.images.map((image) => (
          <Image key={image.fileId} className="mailbox__image" src={image.path} mode="aspectFill" onClick={() => letter.removeImage(image.fileId)} />
        ))}
      </View>
      {letter.draft.images.length < maxLetterImages ? (
        <Button id="letter-add-images" fill="outline" size="small" onClick={() => void letter.addImages()}>
          添加图片
        </Button>
      ) : null}
    </View>
  );
}

async function sendAndShowReceipt(letter: WriteLetter): Promise<void> {
  const receipt = await letter.send();
  if (receipt) openPage(routes.letterReceipt, { id: receipt.id, code: receipt.trackingCode, acceptBy: receipt.expectedAcceptBy, replyBy: receipt.expectedReplyBy, check: receipt.contentCheckStatus });
}
