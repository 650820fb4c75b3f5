/**
 * A character-bigram inverted index: the documents whose strings contain every bigram of a query.
 * That is a superset of the documents containing the query itself, small enough that the exact
 * matching and ranking after it stay cheap with tens of thousands of guides.
 */
export type GramIndex = { candidates: (query: string) => number[] | null };

function gramsOf(text: string): string[] {
  const chars = [...text];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let index = 0; index + 1 < chars.length; index += 1) grams.push(`${chars[index]}${chars[index + 1]}`);
  return grams;
}

function intersectSorted(a: number[], b: number[]): number[] {
  const result: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] ?? 0;
    const right = b[j] ?? 0;
    if (left === right) {
      result.push(left);
      i += 1;
      j += 1;
    } else if (left < right) i += 1;
    else j += 1;
  }
  return result;
}

/** `stringsOf(i)` lists every searchable string of document i (already lower-cased). */
export function createGramIndex(count: number, stringsOf: (index: number) => string[]): GramIndex {
  const postings = new Map<string, number[]>();
  for (let doc = 0; doc < count; doc += 1) {
    const seen = new Set<string>();
    for (const text of stringsOf(doc)) {
      for (const char of text) seen.add(char);
      for (const gram of gramsOf(text)) seen.add(gram);
    }
    for (const gram of seen) {
      const list = postings.get(gram);
      if (list) list.push(doc);
      else postings.set(gram, [doc]);
    }
  }
  return {
    candidates: (query) => {
      const grams = [...new Set(gramsOf(query))];
      if (grams.length === 0) return null;
      const lists = grams.map((gram) => postings.get(gram) ?? []).sort((a, b) => a.length - b.length);
      let result = lists[0] ?? [];
      for (const list of lists.slice(1)) {
        if (result.length === 0) break;
        result = intersectSorted(result, list);
      }
      return result;
    },
  };
}
