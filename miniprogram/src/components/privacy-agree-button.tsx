import type { PropsWithChildren } from 'react';
import { Button } from './ui';

type PrivacyAgreeButtonProps = PropsWithChildren<{ id: string; className?: string; loading?: boolean; isWechatWaiting: boolean; onAgree: () => void }>;

/**
 * weapp: WeChat's `agreePrivacyAuthorization` button, which records the agreement with WeChat
 * and then fires `onAgreePrivacyAuthorization`. When no WeChat API is waiting (only the BFF's
 * record is missing) WeChat may have nothing to record, so the tap agrees too; while one waits,
 * only WeChat's event does, so the API resumes after WeChat has the agreement. `onAgree` must
 * tolerate being called twice. H5 has no such button: a plain tap agrees.
 */
export function PrivacyAgreeButton({ id, className, loading = false, isWechatWaiting, onAgree, children }: PrivacyAgreeButtonProps) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button id={id} className={className} type="primary" loading={loading} openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={onAgree} onClick={isWechatWaiting ? undefined : onAgree}>
        {children}
      </Button>
    );
  }
  return (
    <Button id={id} className={className} type="primary" loading={loading} onClick={onAgree}>
      {children}
    </Button>
  );
}
