import { maskName, maskPersonalText } from '@govpocket/shared';

/**
 * What a published letter may show: mobile and ID numbers masked (138****5678), and names where
 * the text introduces them (我叫张三 → 我叫张*, 联系人：李四 → 联系人：李*), plus any name the
 * caller knows (the resident's nickname, staff names).
 */
const introducedName = /(姓名|联系人|本人|我叫|我是|名叫|署名)([:：\s]*)([\u4e00-\u9fa5]{2,3})(?=[，。,.；;、\s]|$)/g;

export function maskForPublication(text: string, knownNames: string[] = []): string {
  let masked = maskPersonalText(text).replace(introducedName, (_match, lead: string, gap: string, name: string) => `${lead}${gap}${maskName(name)}`);
  for (const name of knownNames) {
    if ([...name.trim()].length >= 2) masked = masked.split(name.trim()).join(maskName(name));
  }
  return masked;
}
