import { Switch, Text, View } from '@tarojs/components';
import { usePreferences } from '@/hooks/use-preferences';

/** 长辈版 switch on 我的: applies at once on every page, saved for the resident at the BFF. */
export function ElderModeRow() {
  const { isElderMode, isSaving, errorMessage, setElderMode } = usePreferences();
  return (
    <View className="gp-setting" id="mine-elder-row">
      <View className="gp-setting__main">
        <Text className="gp-setting__title">长辈版</Text>
        <Text className="gp-setting__value">字号更大、按钮更大，提示不再自动消失</Text>
        {errorMessage ? (
          <Text className="gp-error gp-setting__error" id="mine-elder-error">
            {errorMessage}
          </Text>
        ) : null}
      </View>
      <Switch
        id="mine-elder-switch"
        className="gp-switch"
        checked={isElderMode}
        disabled={isSaving}
        color="#1f5fbf"
        onChange={(event) => void setElderMode(event.detail.value)}
      />
    </View>
  );
}
