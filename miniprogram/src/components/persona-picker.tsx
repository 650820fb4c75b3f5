import { Text, View } from '@tarojs/components';
import type { DemoPersona } from '@govpocket/shared';
import { roleLabels } from '@/session/roles';
import './persona-picker.scss';

type PersonaPickerProps = {
  personas: readonly DemoPersona[];
  /** Key of the persona being signed in, to mark its row busy. */
  pendingKey: string | null;
  onPick: (personaKey: string) => void;
};

/** H5 demo: the people of 清江市 one can sign in as, in place of a WeChat account. */
export function PersonaPicker({ personas, pendingKey, onPick }: PersonaPickerProps) {
  return (
    <View className="gp-personas" id="persona-picker">
      {personas.map((persona) => {
        const isPending = pendingKey === persona.key;
        return (
          <View
            key={persona.key}
            id={`persona-${persona.key}`}
            className={`gp-personas__item${isPending ? ' gp-personas__item--pending' : ''}`}
            onClick={() => {
              if (pendingKey === null) onPick(persona.key);
            }}
          >
            <View className="gp-personas__avatar">
              <Text>{persona.nickname.slice(0, 1)}</Text>
            </View>
            <View className="gp-personas__main">
              <View className="gp-personas__line">
                <Text className="gp-personas__name">{persona.nickname}</Text>
                <Text className={`gp-personas__role gp-personas__role--${persona.role.toLowerCase()}`}>{roleLabels[persona.role]}</Text>
              </View>
              <Text className="gp-personas__description">{persona.description}</Text>
              {persona.scopeName ? <Text className="gp-personas__scope">{persona.scopeName}</Text> : null}
            </View>
            <Text className="gp-personas__go">{isPending ? '登录中…' : '登录'}</Text>
          </View>
        );
      })}
    </View>
  );
}
