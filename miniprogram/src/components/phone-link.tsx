import { Text } from '@tarojs/components';
import { callPhone, telHref } from '@/platform/phone-call';
import './phone-link.scss';

type PhoneLinkProps = { phoneNumber: string; id?: string };

/** A phone number that dials when tapped: `wx.makePhoneCall` in WeChat, a `tel:` link in browsers. */
export function PhoneLink({ phoneNumber, id }: PhoneLinkProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="gp-phone-link" id={id} href={telHref(phoneNumber)}>
        {phoneNumber}
      </a>
    );
  }
  return (
    <Text className="gp-phone-link" id={id} onClick={() => callPhone(phoneNumber)}>
      {phoneNumber}
    </Text>
  );
}
