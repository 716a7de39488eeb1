// A memo that lives for the current synchronous run only (one brief build): the near-copy articles of a story share most of their lines, each analysed once.

/**
 * A getter for a map that is dropped when the running synchronous job ends (at the next microtask), so it never
 * outlives the brief build that filled it and a later build starts cold. Past `limit` entries it starts afresh.
 * What is kept must be a pure function of its key: with or without the memo the output is the same.
 */
export function turnMemo<K, V>(limit: number): () => Map<K, V> {
  let map: Map<K, V> | undefined;
  return () => {
    if (!map) {
      map = new Map();
      queueMicrotask(() => (map = undefined));
    } else if (map.size > limit) map.clear();
    return map;
  };
}

/** `compute`, a pure function of one string, memoised for the current synchronous run (see `turnMemo`). */
export function memoisedInRun<R>(compute: (key: string) => R, limit = 20_000): (key: string) => R {
  const memo = turnMemo<string, R>(limit);
  return (key) => {
    const map = memo();
    if (map.has(key)) return map.get(key)!;
    const value = compute(key);
    map.set(key, value);
    return value;
  };
}

/**
 * A run memo for cheap work: a value is only kept from a key's second sighting in the run on, so that texts with
 * no repeated lines pay a lookup per line and keep nothing.
 */
export interface RepeatMemo<V> {
  /** The value kept for `key`; else whether to keep it (`set`): true from the key's second sighting in the run. */
  sight(key: string): V | boolean;
  set(key: string, value: V): void;
}

export function repeatMemo<V extends object>(limit: number): RepeatMemo<V> {
  const memo = turnMemo<string, V | null>(limit);
  return {
    sight: (key) => {
      const map = memo();
      const known = map.get(key);
      if (known) return known;
      if (known === null) return true;
      map.set(key, null);
      return false;
    },
    set: (key, value) => void memo().set(key, value),
  };
}
