import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { LetterLookupResponse } from '@govpocket/shared';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { describeError } from '@/services/error-message';
import { lookupLetter } from '@/services/mailbox-service';
import { LetterTimeline } from '../timeline';
import '../mailbox.scss';

/** Look-up without login: tracking code + the last 4 digits of the contact phone. */
export default function LetterLookupPage() {
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [found, setFound] = useState<LetterLookupResponse['letter'] | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const search = async (): Promise<void> => {
    setIsBusy(true);
    setErrorMessage(null);
    try {
      setFound(await lookupLetter({ trackingCode: code.trim(), phoneLast4: last4.trim() }));
    } catch (error) {
      setFound(null);
      setErrorMessage(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <PageShell id="page-letter-lookup" className="gp-page">
      <View className="gp-card">
        <Text className="mailbox__field">查询码</Text>
        <Input id="lookup-code" className="mailbox__input" value={code} maxlength={16} placeholder="如 QJ8K2M4N6P" onInput={(event) => setCode(event.detail.value)} />
        <Text className="mailbox__field">手机号后4位</Text>
        <Input id="lookup-last4" className="mailbox__input" type="number" value={last4} maxlength={4} onInput={(event) => setLast4(event.detail.value)} />
        <View className="mailbox__actions">
          <Button id="lookup-submit" type="primary" loading={isBusy} onClick={() => void search()}>
            查询
          </Button>
        </View>
        {errorMessage ? (
          <Text className="gp-error" id="lookup-error">
            {errorMessage}
          </Text>
        ) : null}
      </View>
      {found ? (
        <>
          <View className="gp-card" id="lookup-result">
            <View className="mailbox__row">
              <Text className="mailbox__title">{found.title}</Text>
              <Text className="mailbox__status">{found.statusLabel}</Text>
            </View>
            {found.reply ? <Text className="mailbox__text">答复：{found.reply.body}</Text> : null}
          </View>
          <LetterTimeline entries={found.timeline} />
        </>
      ) : null}
    </PageShell>
  );
}
