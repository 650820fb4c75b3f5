import { Text, Textarea, View } from '@tarojs/components';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { contentLimits, errorCategories, useGuideErrorReport } from '@/hooks/use-guide-error-report';
import { usePageParam } from '@/hooks/use-page-param';
import { useSession } from '@/hooks/use-session';
import { leavePage, routes } from '@/navigation/routes';
import './index.scss';

export default function GuideErrorReportPage() {
  const code = usePageParam('code');
  const name = usePageParam('name');
  const { isSignedIn } = useSession();
  const form = useGuideErrorReport(code);

  if (form.isSubmitted) {
    return (
      <PageShell id="page-guide-error-report" className="guide-error">
        <View className="gp-card guide-error__done" id="guide-error-success">
          <View className="guide-error__done-mark">
            <Text>✓</Text>
          </View>
          <Text className="guide-error__done-title">提交成功，我们会尽快核实并答复</Text>
          <Text className="guide-error__done-text">您的纠错已转交{name ? `“${name}”的` : ''}主管部门核实，答复结果将通过消息中心通知您。</Text>
          <Button type="primary" onClick={() => leavePage(routes.services)}>
            返回办事指南
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell id="page-guide-error-report" className="guide-error">
      <View className="guide-error__intro">
        <Text className="guide-error__title">{name ? `“${name}”指南纠错` : '指南纠错'}</Text>
        <Text className="guide-error__hint">发现办事指南内容有误或与实际办理不符？告诉我们，主管部门会核实更正。</Text>
      </View>

      {isSignedIn ? (
        <View className="gp-card guide-error__form" id="guide-error-form">
          <Text className="guide-error__label">问题类型</Text>
          <View className="guide-error__categories">
            {errorCategories.map((category) => (
              <Text
                key={category.value}
                id={`guide-error-category-${category.value.toLowerCase()}`}
                className={`guide-error__category${form.category === category.value ? ' guide-error__category--selected' : ''}`}
                onClick={() => form.setCategory(category.value)}
              >
                {category.label}
              </Text>
            ))}
          </View>

          <Text className="guide-error__label">问题描述</Text>
          <View className="guide-error__editor">
            <Textarea
              id="guide-error-content"
              className="guide-error__textarea"
              value={form.content}
              maxlength={contentLimits.max}
              placeholder={`请具体说明哪里有误、正确的内容是什么（${contentLimits.min}–${contentLimits.max}字）`}
              onInput={(event) => form.setContent(event.detail.value)}
            />
            <Text className="guide-error__counter">
              {form.contentLength}/{contentLimits.max}
            </Text>
          </View>

          {form.errorMessage ? (
            <Text className="gp-error guide-error__message" id="guide-error-message">
              {form.errorMessage}
            </Text>
          ) : null}

          <Button id="guide-error-submit" type="primary" block disabled={!form.canSubmit} loading={form.isSubmitting} onClick={() => void form.submit()}>
            提交纠错
          </Button>
          <Text className="gp-muted guide-error__privacy">请勿填写身份证号、手机号等个人敏感信息。</Text>
        </View>
      ) : (
        <LoginRequired id="guide-error-login" description="登录后提交纠错，主管部门的答复会通知到您。" />
      )}
    </PageShell>
  );
}
