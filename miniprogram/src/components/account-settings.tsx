import { View } from '@tarojs/components';
import { ElderModeRow } from './elder-mode-row';
import { PhoneBindingRow } from './phone-binding-row';
import './account-settings.scss';

/** 我的 → 账号与设置 for a signed-in resident: phone number and 长辈版. */
export function AccountSettings() {
  return (
    <View className="gp-settings" id="mine-settings">
      <PhoneBindingRow />
      <ElderModeRow />
    </View>
  );
}
