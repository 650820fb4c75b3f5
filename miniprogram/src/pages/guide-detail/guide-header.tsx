import { Text, View } from '@tarojs/components';
import { onlineDepthLabels, serviceAudienceLabels, serviceItemTypeLabels, type GuideDetail } from '@govpocket/shared';
import { feeText, onSiteTripsText, workingDaysText } from '@/format/guide-format';

/** The top of a guide: what it is, who handles it, and the four facts residents ask first. */
export function GuideHeader({ guide }: { guide: GuideDetail }) {
  const facts = [
    { label: '承诺时限', value: workingDaysText(guide.promisedDays) },
    { label: '法定时限', value: workingDaysText(guide.statutoryDays) },
    { label: '到现场次数', value: guide.onSiteTrips === 0 ? '无需到现场' : `${guide.onSiteTrips}次` },
    { label: '办理费用', value: feeText(guide.fee) },
  ];
  return (
    <View className="guide-header" id="guide-header">
      <Text className="guide-header__name" id="guide-name">
        {guide.name}
      </Text>
      <View className="guide-header__tags">
        <Text className="gp-tag gp-tag--blue">{serviceItemTypeLabels[guide.type]}</Text>
        {guide.isMaxOneTrip ? (
          <Text className="gp-tag gp-tag--green" id="guide-max-one-trip">
            {onSiteTripsText(guide.onSiteTrips)}
          </Text>
        ) : null}
        <Text className="gp-tag gp-tag--orange">网办深度{onlineDepthLabels[guide.onlineDepth]}</Text>
        {guide.isAppointmentEnabled ? <Text className="gp-tag gp-tag--gray">可预约办理</Text> : null}
      </View>
      <View className="guide-header__rows">
        <HeaderRow label="实施主体" value={guide.departmentName} />
        <HeaderRow label="服务对象" value={serviceAudienceLabels[guide.audience]} />
        <HeaderRow label="事项编码" value={guide.code} />
      </View>
      <View className="guide-header__facts" id="guide-facts">
        {facts.map((fact) => (
          <View key={fact.label} className="guide-header__fact">
            <Text className="guide-header__fact-value">{fact.value}</Text>
            <Text className="guide-header__fact-label">{fact.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function HeaderRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="guide-header__row">
      <Text className="guide-header__row-label">{label}</Text>
      <Text className="guide-header__row-value">{value}</Text>
    </View>
  );
}
