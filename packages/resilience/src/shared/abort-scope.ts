import type { Clock } from "../time/clock";
import { neverAbortedSignal } from "./never-signal";
import { onSignalAbort } from "./signal-hub";

/** A deadline for an {@link AbortScope}: after `ms` on `clock` it aborts with `reason()`. */
export interface ScopeDeadline {
  readonly clock: Clock;
  readonly ms: number;
  readonly reason: () => unknown;
}

const noop = (): void => {};
let inert: AbortScope | undefined;

/**
 * The abort state of one policy call: follows the caller's signals and an optional deadline.
 * Its `AbortSignal` is created only when someone reads `signal` (creating one costs
 * microseconds in Node), and the policy itself waits through `onAbort`, not through
 * `addEventListener`. With no deadline and at most one parent it simply forwards the parent.
 */
export class AbortScope {
  private readonly parent: AbortSignal | undefined;
  private readonly passthrough: boolean;
  private controller: AbortController | undefined;
  private callbacks: ((reason: unknown) => void)[] = [];
  private cleanups: (() => void)[] = [];
  private abortedWith: { reason: unknown } | undefined;
  /** True once the deadline (rather than a parent) aborted the scope. */
  timedOut = false;

  constructor(parents: readonly (AbortSignal | undefined)[], deadline?: ScopeDeadline) {
    const never = neverAbortedSignal();
    const real = parents.filter((p): p is AbortSignal => p !== undefined && p !== never);
    this.parent = real[0];
    this.passthrough = deadline === undefined && real.length <= 1;
    if (this.passthrough) return;
    for (const p of real) this.follow(p);
    if (deadline !== undefined && !this.aborted) {
      const cancel = deadline.clock.setTimeout(() => {
        this.timedOut = this.abortedWith === undefined;
        this.abort(deadline.reason());
      }, deadline.ms);
      this.cleanups.push(cancel);
    }
  }

  /**
   * A scope for `parents` and `deadline`; with nothing to follow, one shared inert scope, so
   * the common case allocates nothing.
   */
  static create(
    parents: readonly (AbortSignal | undefined)[],
    deadline?: ScopeDeadline,
  ): AbortScope {
    if (
      deadline === undefined &&
      parents.every((p) => p === undefined || p === neverAbortedSignal())
    ) {
      return (inert ??= new AbortScope([]));
    }
    return new AbortScope(parents, deadline);
  }

  /** The signal to hand to user code (created on first read). */
  get signal(): AbortSignal {
    if (this.passthrough) return this.parent ?? neverAbortedSignal();
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.abortedWith !== undefined) this.controller.abort(this.abortedWith.reason);
    }
    return this.controller.signal;
  }

  /** Whether the scope has been aborted. */
  get aborted(): boolean {
    return this.passthrough ? this.parent?.aborted === true : this.abortedWith !== undefined;
  }

  /** The abort reason (undefined while not aborted). */
  get reason(): unknown {
    return this.passthrough ? (this.parent?.reason as unknown) : this.abortedWith?.reason;
  }

  /** Calls `callback` once on abort; returns a function that stops waiting. */
  onAbort(callback: (reason: unknown) => void): () => void {
    if (this.passthrough) {
      const parent = this.parent;
      if (parent === undefined) return noop;
      return onSignalAbort(parent, () => callback(parent.reason));
    }
    this.callbacks.push(callback);
    return () => {
      this.callbacks = this.callbacks.filter((c) => c !== callback);
    };
  }

  /** Aborts the scope (first reason wins). */
  abort(reason: unknown): void {
    if (this.passthrough || this.abortedWith !== undefined) return;
    this.abortedWith = { reason };
    this.controller?.abort(reason);
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) callback(reason);
  }

  /** Cancels the deadline timer and unhooks from the parents. */
  dispose(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.callbacks = [];
  }

  private follow(parent: AbortSignal): void {
    if (parent.aborted) {
      this.abort(parent.reason);
      return;
    }
    this.cleanups.push(onSignalAbort(parent, () => this.abort(parent.reason)));
  }
}
