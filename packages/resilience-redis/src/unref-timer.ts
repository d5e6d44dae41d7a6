/**
 * A restartable one-shot timer that never keeps Node alive (`unref`), for the store's
 * background work: probe claims and reconnection attempts.
 */
export class UnrefTimer {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private readonly callback: () => void;

  constructor(callback: () => void) {
    this.callback = callback;
  }

  /** True while the timer is waiting to fire. */
  get pending(): boolean {
    return this.handle !== undefined;
  }

  /** (Re)starts the timer: the callback runs once after `ms`, unless cleared first. */
  start(ms: number): void {
    this.clear();
    this.handle = setTimeout(() => {
      this.handle = undefined;
      this.callback();
    }, ms);
    this.handle.unref();
  }

  /** Cancels the timer; harmless when it is not pending. */
  clear(): void {
    // Stryker disable next-line ConditionalExpression: clearTimeout(undefined) does nothing
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
  }
}
