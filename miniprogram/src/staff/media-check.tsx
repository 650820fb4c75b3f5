import { Image, Text, View } from '@tarojs/components';
import type { ContentCheckStatus } from '@govpocket/shared';
import './media-check.scss';

/** The words on the chip: what the check found, in terms a member of staff acts on. */
const chipText: Record<ContentCheckStatus, string> = {
  PENDING: '检测中',
  PASS: '检测通过',
  REVIEW: '待人工复核',
  RISKY: '疑似违规',
};

/** WeChat's media check verdict on one image, as a coloured chip with its text. */
export function MediaCheckChip({ status, id }: { status: ContentCheckStatus; id?: string }) {
  return (
    <Text id={id} className={`media-check__chip media-check__chip--${status.toLowerCase()}`}>
      {chipText[status]}
    </Text>
  );
}

/** A resident's images with their check status; risky ones are blurred. */
export function CheckedImages({ images, idPrefix }: { images: Array<{ url: string; checkStatus: ContentCheckStatus }>; idPrefix: string }) {
  if (images.length === 0) return null;
  return (
    <View className="media-check__images" id={`${idPrefix}-images`}>
      {images.map((image, index) => (
        <View key={image.url} className="media-check__item" id={`${idPrefix}-image-${index}`}>
          <Image className={`media-check__image${image.checkStatus === 'RISKY' ? ' media-check__image--risky' : ''}`} src={image.url} mode="aspectFill" />
          <MediaCheckChip status={image.checkStatus} id={`${idPrefix}-image-${index}-check`} />
        </View>
      ))}
    </View>
  );
}
