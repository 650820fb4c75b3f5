import { Text } from '@tarojs/components';
import { copyLinkForBrowser } from '@/platform/external-link';
import './document-link.scss';

type DocumentLinkProps = { url: string; label: string };

/** A blank form or sample: a new tab in the browser demo, a copied link in the mini-program. */
export function DocumentLink({ url, label }: DocumentLinkProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="gp-document-link" href={url} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
    );
  }
  return (
    <Text className="gp-document-link" onClick={() => copyLinkForBrowser(url)}>
      {label}
    </Text>
  );
}
