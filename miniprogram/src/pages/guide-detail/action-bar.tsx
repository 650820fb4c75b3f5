import { Text, View } from '@tarojs/components';
import { Button } from '@/components/ui';

type ActionBarProps = {
  isFavourite: boolean;
  isSavingFavourite: boolean;
  onToggleFavourite: () => void;
  onOpenChecklist: () => void;
  onReportError: () => void;
  /** Present only when the guide takes bookings and the booking screens are switched on. */
  onBook?: () => void;
};

/** The guide's actions, fixed at the bottom of the screen. */
export function ActionBar({ isFavourite, isSavingFavourite, onToggleFavourite, onOpenChecklist, onReportError, onBook }: ActionBarProps) {
  return (
    <View className="guide-actions" id="guide-actions">
      <View
        className={`guide-actions__icon${isFavourite ? ' guide-actions__icon--active' : ''}`}
        id="guide-favourite"
        onClick={isSavingFavourite ? undefined : onToggleFavourite}
      >
        <Text className="guide-actions__glyph">{isFavourite ? '★' : '☆'}</Text>
        <Text className="guide-actions__caption">{isFavourite ? '已收藏' : '收藏'}</Text>
      </View>
      <View className="guide-actions__icon" id="guide-report-error" onClick={onReportError}>
        <Text className="guide-actions__glyph">✎</Text>
        <Text className="guide-actions__caption">指南纠错</Text>
      </View>
      <View className="guide-actions__buttons">
        <Button id="guide-open-checklist" className="guide-actions__button" type="primary" fill={onBook ? 'outline' : undefined} onClick={onOpenChecklist}>
          材料清单
        </Button>
        {onBook ? (
          <Button id="guide-book" className="guide-actions__button" type="primary" onClick={onBook}>
            预约办理
          </Button>
        ) : null}
      </View>
    </View>
  );
}
