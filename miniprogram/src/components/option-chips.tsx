import { ScrollView, Text, View } from '@tarojs/components';
import './option-chips.scss';

export type ChipOption = { value: string; label: string; count?: number };

type OptionChipsProps = {
  id: string;
  options: readonly ChipOption[];
  selected: string | null;
  onSelect: (value: string) => void;
};

/** A row of choices that scrolls sideways, the selected one filled in the theme colour. */
export function OptionChips({ id, options, selected, onSelect }: OptionChipsProps) {
  return (
    <ScrollView className="gp-chips" id={id} scrollX enhanced showScrollbar={false}>
      <View className="gp-chips__track">
        {options.map((option, index) => {
          const isSelected = option.value === selected;
          return (
            <View
              key={option.value}
              id={`${id}-${index}`}
              className={`gp-chips__chip${isSelected ? ' gp-chips__chip--selected' : ''}`}
              onClick={() => onSelect(option.value)}
            >
              <Text className="gp-chips__label">{option.label}</Text>
              {option.count === undefined ? null : <Text className="gp-chips__count">{option.count}</Text>}
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
