import { Text, View } from '@tarojs/components';
import { serviceAudienceLabels, type GuideSummary } from '@govpocket/shared';
import type { GuideSearchHit } from '@/services/guide-service';
import { HighlightedText } from './highlighted-text';
import { workingDaysText } from '@/format/guide-format';
import './guide-tags.scss';
import './guide-card.scss';

type GuideCardProps = {
  guide: GuideSummary;
  /** Search hits show which part of the name matched. */
  highlight?: GuideSearchHit['highlight'];
  onTap: () => void;
};

/** One guide in a list: name, department and audience, and the facts residents choose by. */
export function GuideCard({ guide, highlight, onTap }: GuideCardProps) {
  return (
    <View className="gp-guide-card" id={`guide-${guide.code}`} onClick={onTap}>
      <View className="gp-guide-card__main">
        {highlight ? (
          <HighlightedText className="gp-guide-card__name" segments={highlight} />
        ) : (
          <Text className="gp-guide-card__name">{guide.name}</Text>
        )}
        <Text className="gp-guide-card__meta">
          {guide.departmentName} · {serviceAudienceLabels[guide.audience]}
        </Text>
        <View className="gp-guide-card__tags">
          {guide.isMaxOneTrip ? <Text className="gp-tag gp-tag--green gp-guide-card__max-one-trip">{guide.onSiteTrips === 0 ? '零跑腿' : '最多跑一次'}</Text> : null}
          <Text className="gp-tag gp-tag--blue">承诺{workingDaysText(guide.promisedDays)}</Text>
          {guide.isCharged ? null : <Text className="gp-tag gp-tag--gray">不收费</Text>}
        </View>
      </View>
      <View className="gp-guide-card__chevron" />
    </View>
  );
}
