// Answers remembered by key, for work a request repeats with the same input (a merchant sends the same
// callbackUrl with every create). Bounded: past `limit` keys it starts over rather than growing with
// whatever a caller (or a fuzzer) sends.

export interface Memo<K, V> {
  get(key: K): V;
  /** Forgets every answer (what they were computed from changed). */
  clear(): void;
}

export function memo<K, V>(limit: number, compute: (key: K) => V): Memo<K, V> {
  const answers = new Map<K, V>();
  return {
    get(key) {
      if (answers.has(key)) return answers.get(key)!;
      if (answers.size >= limit) answers.clear();
      const answer = compute(key);
      answers.set(key, answer);
      return answer;
    },
    clear: () => answers.clear(),
  };
}
