/** A tiny listener list: `add` returns an unsubscribe function, `emit` isolates listeners. */
export class Listeners<E> {
  private list: ((event: E) => void)[] = [];

  /** True when at least one listener is attached (lets callers skip building events). */
  get active(): boolean {
    return this.list.length > 0;
  }

  /** Adds `listener`; the returned function removes it (calling it twice is harmless). */
  add(listener: (event: E) => void): () => void {
    this.list = [...this.list, listener];
    return () => {
      this.list = this.list.filter((l) => l !== listener);
    };
  }

  /** Calls every listener; one that throws is skipped so it cannot break the policy. */
  emit(event: E): void {
    for (const listener of this.list) {
      try {
        listener(event);
      } catch {
        // A faulty listener must not change the outcome of the call it observes.
      }
    }
  }
}
