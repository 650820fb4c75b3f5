import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell';
import { PrivacyAgreeButton } from '@/components/privacy-agree-button';
import { Button } from '@/components/ui';
import { privacyAgreeButtonId } from '@/hooks/use-privacy-consent';
import { usePrivacyGuide } from '@/hooks/use-privacy-guide';
import { guideIntro, guideSections, guideTitle } from '@/privacy/privacy-guide';
import './index.scss';

export default function PrivacyPage() {
  const guide = usePrivacyGuide();
  return (
    <PageShell id="page-privacy" className="privacy" showsPrivacySheet={false}>
      <View className="gp-card privacy__document">
        <Text className="privacy__title">{guideTitle}</Text>
        <Text className="privacy__version" id="privacy-version">
          版本：{guide.version} · 发布单位：清江市人民政府办公室
        </Text>
        {guide.consentLine ? (
          <Text className="privacy__consent" id="privacy-consent-line">
            {guide.consentLine}
          </Text>
        ) : null}
        <Text className="privacy__paragraph">{guideIntro}</Text>
        {guideSections.map((section) => (
          <View key={section.key} className="privacy__section" id={`privacy-section-${section.key}`}>
            <Text className="privacy__heading">{section.title}</Text>
            {section.paragraphs.map((paragraph) => (
              <Text key={paragraph} className="privacy__paragraph">
                {paragraph}
              </Text>
            ))}
          </View>
        ))}
      </View>

      {guide.isAsking ? (
        <View className="gp-card privacy__answer" id="privacy-answer">
          <Text className="privacy__answer-text">请阅读以上内容。同意后，您可以绑定手机号、上传图片等；不同意仍可浏览办事指南。</Text>
          {guide.errorMessage ? <Text className="gp-error">{guide.errorMessage}</Text> : null}
          <View className="privacy__actions">
            <Button id="privacy-page-decline" className="privacy__button" fill="outline" onClick={guide.decline}>
              不同意
            </Button>
            <PrivacyAgreeButton id={privacyAgreeButtonId} className="privacy__button" loading={guide.isSubmitting} isWechatWaiting={guide.isWechatWaiting} onAgree={() => void guide.agree()}>
              同意
            </PrivacyAgreeButton>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
