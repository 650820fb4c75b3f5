import { Text, View } from '@tarojs/components';
import './menu-list.scss';

export type MenuItem = {
  /** Stable key, also used for the element id (`menu-<key>`) that tests select. */
  key: string;
  title: string;
  description?: string;
  /** Short text on the right, e.g. a count or 登录后查看. */
  extra?: string;
  /** A red count (unread messages); hidden at 0. */
  badge?: number;
  onTap: () => void;
};

type MenuListProps = {
  items: readonly MenuItem[];
  id?: string;
};

export function MenuList({ items, id }: MenuListProps) {
  return (
    <View className="gp-menu" id={id}>
      {items.map((item) => (
        <View key={item.key} id={`menu-${item.key}`} className="gp-menu__item" onClick={item.onTap}>
          <View className="gp-menu__main">
            <Text className="gp-menu__title">{item.title}</Text>
            {item.description ? <Text className="gp-menu__description">{item.description}</Text> : null}
          </View>
          {item.badge ? (
            <Text className="gp-menu__badge" id={`menu-${item.key}-badge`}>
              {item.badge > 99 ? '99+' : item.badge}
            </Text>
          ) : null}
          {item.extra ? <Text className="gp-menu__extra">{item.extra}</Text> : null}
          <View className="gp-menu__chevron" />
        </View>
      ))}
    </View>
  );
}
