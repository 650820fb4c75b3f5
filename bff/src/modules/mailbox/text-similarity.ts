/**
 * Character-bigram similarity for Chinese text: letters about the same pothole share most of
 * their two-character pieces whatever the word order, and no word segmentation is needed.
 */
export type Bigrams = Set<string>;

export function bigramsOf(text: string): Bigrams {
  const chars = [...text.toLowerCase()].filter((char) => /[\p{Script=Han}a-z0-9]/u.test(char));
  const grams = new Set<string>();
  for (let index = 0; index + 1 < chars.length; index += 1) grams.add(`${chars[index]}${chars[index + 1]}`);
  return grams;
}

/** |A ∩ B| / |A ∪ B|, 0 when both are empty. */
export function jaccard(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}
