import { Text, View } from '@tarojs/components';
import type { GuideDetail } from '@govpocket/shared';
import { SectionCard } from '@/components/section-card';
import { workingDaysText } from '@/format/guide-format';

/** 办理流程 as a timeline, then the statutory and promised limits the steps add up to. */
export function ProcedureSection({ guide }: { guide: GuideDetail }) {
  return (
    <SectionCard id="guide-steps" title="办理流程">
      <View className="guide-steps">
        {guide.steps.map((step, index) => (
          <View key={`${index}-${step.name}`} className="guide-step">
            <View className="guide-step__rail">
              <Text className="guide-step__dot">{index + 1}</Text>
              {index < guide.steps.length - 1 ? <View className="guide-step__line" /> : null}
            </View>
            <View className="guide-step__body">
              <View className="guide-step__head">
                <Text className="guide-step__name">{step.name}</Text>
                <Text className="guide-step__days">{workingDaysText(step.days)}</Text>
              </View>
              <Text className="guide-step__actor">办理人：{step.actor}</Text>
              {step.description ? <Text className="guide-step__description">{step.description}</Text> : null}
              {step.countsTowardLimit ? null : <Text className="gp-tag gp-tag--gray guide-step__tag">不计入办理时限</Text>}
            </View>
          </View>
        ))}
      </View>
      <View className="guide-limits" id="guide-limits">
        <View className="guide-limits__item">
          <Text className="guide-limits__label">法定办结时限</Text>
          <Text className="guide-limits__value">{workingDaysText(guide.statutoryDays)}</Text>
        </View>
        <View className="guide-limits__item guide-limits__item--promised">
          <Text className="guide-limits__label">承诺办结时限</Text>
          <Text className="guide-limits__value">{workingDaysText(guide.promisedDays)}</Text>
        </View>
      </View>
    </SectionCard>
  );
}
