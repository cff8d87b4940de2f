// A module imported the first time something needs it rather than at start. A start through tsx (npm start,
// the tests) pays a few milliseconds for every module it imports, and the console's pages or the client
// library are not needed before the first answer (docs/decisions/0122). Every call gets the same promise.
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
