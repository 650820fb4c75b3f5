/**
 * The k highest-scoring values, best first, without sorting everything: a broad query ("身份证")
 * matches most of the catalogue, but a page needs twenty.
 */
export function topK(values: number[], k: number, score: (value: number) => number): number[] {
  if (k <= 0) return [];
  if (values.length <= k * 4) return [...values].sort((a, b) => score(b) - score(a));
  // Min-heap of the best k seen so far, keyed by score.
  const heap: number[] = [];
  const keys: number[] = [];
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j] ?? 0, heap[i] ?? 0];
    [keys[i], keys[j]] = [keys[j] ?? 0, keys[i] ?? 0];
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && (keys[left] ?? 0) < (keys[smallest] ?? 0)) smallest = left;
      if (right < heap.length && (keys[right] ?? 0) < (keys[smallest] ?? 0)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  for (const value of values) {
    const key = score(value);
    if (heap.length < k) {
      heap.push(value);
      keys.push(key);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if ((keys[parent] ?? 0) <= (keys[i] ?? 0)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (key > (keys[0] ?? 0)) {
      heap[0] = value;
      keys[0] = key;
      siftDown(0);
    }
  }
  return heap.map((value, i) => ({ value, key: keys[i] ?? 0 })).sort((a, b) => b.key - a.key).map((entry) => entry.value);
}
