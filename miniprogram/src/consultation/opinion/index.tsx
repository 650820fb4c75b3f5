import { Text, Textarea, View } from '@tarojs/components';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { opinionLimits, useOpinionForm } from '@/hooks/use-opinion-form';
import { usePageParam } from '@/hooks/use-page-param';
import { useSession } from '@/hooks/use-session';
import { leavePage, routes } from '@/navigation/routes';
import '@/styles/consultation.scss';

export default function OpinionPage() {
  const consultationId = usePageParam('id');
  const sectionId = usePageParam('sectionId') || null;
  const sectionNumber = usePageParam('sectionNumber');
  const { isSignedIn } = useSession();
  const form = useOpinionForm({ consultationId, sectionId });
  const target = sectionId ? `第${sectionNumber}条` : '征求意见稿整体';

  if (form.isSubmitted) {
    return (
      <PageShell id="page-consultation-opinion" className="consult">
        <View className="consult__card" id="opinion-success">
          <Text className="consult__card-title">意见已提交，感谢您的参与</Text>
          <Text className="consult__text">征集结束后，起草部门会逐条研究并公布采纳情况，结果将通过消息中心通知您。</Text>
        </View>
        <View className="consult__actions">
          <Button id="opinion-back" type="primary" onClick={() => leavePage(routes.interact)}>
            返回征求意见稿
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell id="page-consultation-opinion" className="consult">
      <View className="consult__intro">
        <Text className="consult__title">对{target}提意见</Text>
        <Text className="consult__meta">请围绕条文内容提出具体的修改意见和理由。</Text>
      </View>
      {isSignedIn ? (
        <View className="consult__card" id="opinion-form">
          <Textarea
            id="opinion-body"
            className="consult__textarea"
            value={form.body}
            maxlength={opinionLimits.max}
            placeholder={`请输入您的意见（${opinionLimits.min}–${opinionLimits.max}字）`}
            onInput={(event) => form.setBody(event.detail.value)}
          />
          <Text className="consult__counter">
            {form.length}/{opinionLimits.max}
          </Text>
          {form.errorMessage ? (
            <Text className="gp-error" id="opinion-error">
              {form.errorMessage}
            </Text>
          ) : null}
          <Button id="opinion-submit" type="primary" block disabled={!form.canSubmit} loading={form.isSubmitting} onClick={() => void form.submit()}>
            提交意见
          </Button>
          <Text className="consult__meta">请勿填写身份证号、手机号等个人敏感信息；公开的意见数据不含您的身份信息。</Text>
        </View>
      ) : (
        <LoginRequired id="opinion-login" description="登录后提交意见，采纳情况会通知到您。" />
      )}
    </PageShell>
  );
}
