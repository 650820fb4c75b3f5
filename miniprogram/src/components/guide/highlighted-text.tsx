import { Text } from '@tarojs/components';
import type { GuideSearchHit } from '@/services/guide-service';
import './highlighted-text.scss';

type HighlightedTextProps = {
  segments: GuideSearchHit['highlight'];
  className?: string;
};

/** A search hit's name with the matched parts (Chinese, pinyin or initials) in the theme colour. */
export function HighlightedText({ segments, className }: HighlightedTextProps) {
  return (
    <Text className={className}>
      {segments.map((segment, index) =>
        segment.isMatch ? (
          <Text key={index} className="gp-highlight">
            {segment.text}
          </Text>
        ) : (
          segment.text
        ),
      )}
    </Text>
  );
}
