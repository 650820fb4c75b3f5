import { Text, View } from '@tarojs/components';
import { usePhoneBinding } from '@/hooks/use-phone-binding';
import { Button } from './ui';

/**
 * 手机号 on 我的. weapp: WeChat's phone-number button once the privacy guide is agreed (before
 * that, a plain button opens the consent sheet). H5 demo: the plain button, then the persona's
 * number through the fake WeChat.
 */
export function PhoneBindingRow() {
  const binding = usePhoneBinding();
  const label = binding.maskedPhone ? '更换' : '绑定手机号';
  const usesWechatButton = process.env.TARO_ENV === 'weapp' && binding.canUseWechatPhoneButton;

  return (
    <View className="gp-setting" id="mine-phone-row">
      <View className="gp-setting__main">
        <Text className="gp-setting__title">手机号</Text>
        <Text className="gp-setting__value" id="mine-phone">
          {binding.maskedPhone ?? '未绑定'}
        </Text>
        {binding.errorMessage ? (
          <Text className="gp-error gp-setting__error" id="mine-phone-error">
            {binding.errorMessage}
          </Text>
        ) : null}
      </View>
      {usesWechatButton ? (
        <Button
          id="mine-bind-phone"
          size="small"
          type="primary"
          fill={binding.maskedPhone ? 'outline' : 'solid'}
          loading={binding.isBinding}
          openType="getPhoneNumber"
          onGetPhoneNumber={(event) => void binding.bindWithWechatDetail(event.detail)}
        >
          {label}
        </Button>
      ) : (
        <Button id="mine-bind-phone" size="small" type="primary" fill={binding.maskedPhone ? 'outline' : 'solid'} loading={binding.isBinding} onClick={() => void binding.start()}>
          {label}
        </Button>
      )}
    </View>
  );
}
