// One "abort" listener per AbortSignal, however many calls share it: each call adds a callback
// to a set (O(1) to add and remove). Listening per call would trip Node's
// MaxListenersExceededWarning and make starting N calls O(N²) (removeEventListener scans).
const hubs = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts; the returned function stops waiting. */
export const onSignalAbort = (signal: AbortSignal, callback: () => void): (() => void) => {
  let callbacks = hubs.get(signal);
  if (callbacks === undefined) {
    const created = new Set<() => void>();
    callbacks = created;
    hubs.set(signal, created);
    const fire = (): void => {
      hubs.delete(signal);
      for (const c of created) c();
      created.clear();
    };
    signal.addEventListener("abort", fire, { once: true });
  }
  const set = callbacks;
  // A wrapper per registration, so the same function registered twice is two waiters.
  const entry = (): void => callback();
  set.add(entry);
  return () => {
    set.delete(entry);
  };
};
