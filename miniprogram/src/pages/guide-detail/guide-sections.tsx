import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { deliveryMethodLabels, onlineDepthLabels, type GuideDetail } from '@govpocket/shared';
import { PhoneLink } from '@/components/phone-link';
import { SectionCard } from '@/components/section-card';
import { chinaDate, onSiteTripsCountText, yuanFromFen } from '@/format/guide-format';

/** The remaining national guide elements, one card each, in the order of the national template. */

function InfoRow({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className="guide-info" id={id}>
      <Text className="guide-info__label">{label}</Text>
      <View className="guide-info__value">{children}</View>
    </View>
  );
}

export function BasisSection({ basis }: { basis: GuideDetail['basis'] }) {
  return (
    <SectionCard id="guide-basis" title="设定依据">
      {basis.map((entry, index) => (
        <Text key={`${index}-${entry.law}`} className="guide-list-line">
          {entry.law}
          {entry.article ? ` ${entry.article}` : ''}
        </Text>
      ))}
    </SectionCard>
  );
}

export function ConditionsSection({ conditions }: { conditions: readonly string[] }) {
  return (
    <SectionCard id="guide-conditions" title="受理条件">
      {conditions.map((condition, index) => (
        <View key={index} className="guide-numbered">
          <Text className="guide-numbered__index">{index + 1}.</Text>
          <Text className="guide-numbered__text">{condition}</Text>
        </View>
      ))}
    </SectionCard>
  );
}

export function FeeSection({ fee }: { fee: GuideDetail['fee'] }) {
  return (
    <SectionCard id="guide-fee" title="收费标准">
      {fee.isCharged ? (
        <>
          {fee.amountFen !== null ? (
            <InfoRow label="收费金额">
              <Text className="guide-info__strong">{yuanFromFen(fee.amountFen)}元</Text>
            </InfoRow>
          ) : null}
          {fee.standard ? <InfoRow label="收费标准"><Text>{fee.standard}</Text></InfoRow> : null}
          {fee.basis ? <InfoRow label="收费依据"><Text>{fee.basis}</Text></InfoRow> : null}
          <InfoRow label="网上缴费">
            <Text>{fee.isOnlinePaymentEnabled ? '支持微信支付' : '请在窗口缴费'}</Text>
          </InfoRow>
        </>
      ) : (
        <InfoRow label="是否收费">
          <Text className="guide-info__strong">不收费</Text>
        </InfoRow>
      )}
    </SectionCard>
  );
}

export function HandlingSection({ guide }: { guide: GuideDetail }) {
  return (
    <SectionCard id="guide-handling" title="办理方式">
      <InfoRow label="到现场次数">
        <Text>
          {onSiteTripsCountText(guide.onSiteTrips)}
        </Text>
      </InfoRow>
      <InfoRow label="网办深度">
        <Text>{onlineDepthLabels[guide.onlineDepth]}</Text>
      </InfoRow>
      <InfoRow label="结果送达">
        <Text>{guide.deliveryMethods.map((method) => deliveryMethodLabels[method]).join('、') || '窗口领取'}</Text>
      </InfoRow>
      <InfoRow label="预约办理">
        <Text>{guide.isAppointmentEnabled ? '支持网上预约' : '无需预约，直接到窗口办理'}</Text>
      </InfoRow>
      <InfoRow label="办理时间">
        <Text>{guide.hours}</Text>
      </InfoRow>
    </SectionCard>
  );
}

export function HallsSection({ halls }: { halls: GuideDetail['halls'] }) {
  return (
    <SectionCard id="guide-halls" title="办理地点">
      {halls.map((hall) => (
        <View key={hall.id} className="guide-hall">
          <Text className="guide-hall__name">{hall.name}</Text>
          <Text className="guide-hall__line">地址：{hall.address}</Text>
          <Text className="guide-hall__line">时间：{hall.hours}</Text>
          {hall.phone ? (
            <View className="guide-hall__line">
              <Text>电话：</Text>
              <PhoneLink phoneNumber={hall.phone} />
            </View>
          ) : null}
          {hall.windows.length > 0 ? (
            <View className="guide-hall__windows">
              {hall.windows.map((window) => (
                <Text key={window.code} className="gp-tag gp-tag--gray">
                  {window.code} {window.name}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </SectionCard>
  );
}

export function ContactSection({ consultPhone, supervisePhone }: { consultPhone: string | null; supervisePhone: string | null }) {
  if (!consultPhone && !supervisePhone) return null;
  return (
    <SectionCard id="guide-contacts" title="咨询与监督">
      {consultPhone ? (
        <InfoRow label="咨询电话">
          <PhoneLink id="guide-consult-phone" phoneNumber={consultPhone} />
        </InfoRow>
      ) : null}
      {supervisePhone ? (
        <InfoRow label="监督投诉">
          <PhoneLink id="guide-supervise-phone" phoneNumber={supervisePhone} />
        </InfoRow>
      ) : null}
    </SectionCard>
  );
}

export function FaqSection({ faq }: { faq: GuideDetail['faq'] }) {
  if (faq.length === 0) return null;
  return (
    <SectionCard id="guide-faq" title="常见问题">
      {faq.map((entry, index) => (
        <View key={index} className="guide-faq">
          <Text className="guide-faq__question">问：{entry.question}</Text>
          <Text className="guide-faq__answer">答：{entry.answer}</Text>
        </View>
      ))}
    </SectionCard>
  );
}

export function RevisionFooter({ guide }: { guide: GuideDetail }) {
  return (
    <Text className="guide-revision" id="guide-revision">
      更新时间：{chinaDate(guide.revisedAt)} · 版本：第{guide.version}版
    </Text>
  );
}
