import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { privacyAgreeButtonId, usePrivacyAnswer } from '@/hooks/use-privacy-consent';
import { openPage, routes } from '@/navigation/routes';
import { setTabBarHiddenForSheet } from '@/platform/tab-bar';
import { consentSummary } from '@/privacy/privacy-guide';
import type { PrivacyRequest } from '@/privacy/privacy-prompt';
import { PrivacyAgreeButton } from './privacy-agree-button';
import { Button } from './ui';
import './privacy-sheet.scss';

/**
 * The consent sheet before the first use of the phone number or images (and whenever WeChat
 * reports that a privacy API waits). It stays until answered: agreeing records the consent.
 */
export function PrivacySheet({ request }: { request: PrivacyRequest }) {
  const answer = usePrivacyAnswer();
  useEffect(() => {
    setTabBarHiddenForSheet(true);
    return () => setTabBarHiddenForSheet(false);
  }, []);
  return (
    <View className="gp-privacy-sheet" id="privacy-sheet" catchMove>
      <View className="gp-privacy-sheet__mask" />
      <View className="gp-privacy-sheet__panel">
        <Text className="gp-privacy-sheet__title">隐私保护提示</Text>
        <Text className="gp-privacy-sheet__text">{consentSummary[request.reason]}</Text>
        <Text className="gp-privacy-sheet__link" id="privacy-sheet-guide" onClick={() => openPage(routes.privacy)}>
          查看《政务掌上通隐私保护指引》
        </Text>
        {answer.errorMessage ? (
          <Text className="gp-error gp-privacy-sheet__error" id="privacy-sheet-error">
            {answer.errorMessage}
          </Text>
        ) : null}
        <View className="gp-privacy-sheet__actions">
          <Button id="privacy-decline" className="gp-privacy-sheet__button" fill="outline" onClick={answer.decline}>
            不同意
          </Button>
          <PrivacyAgreeButton id={privacyAgreeButtonId} className="gp-privacy-sheet__button" loading={answer.isSubmitting} isWechatWaiting={request.isWechatWaiting} onAgree={() => void answer.agree()}>
            同意并继续
          </PrivacyAgreeButton>
        </View>
      </View>
    </View>
  );
}
