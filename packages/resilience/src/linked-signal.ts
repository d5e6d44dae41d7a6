import type { Clock } from "./clock";
import { neverAbortedSignal } from "./never-signal";

/** A signal that follows some parent signals and an optional deadline; `dispose` unhooks it. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** True once the deadline (not a parent) aborted the signal. */
  readonly timedOut: boolean;
  dispose(): void;
}

/**
 * Links `parents` (undefined entries skipped) and an optional `deadline` (clock timer that
 * aborts with `deadlineReason()`). Without a deadline and with at most one parent, the
 * parent itself is returned and nothing is allocated.
 */
export const linkSignals = (
  parents: readonly (AbortSignal | undefined)[],
  deadline?: { clock: Clock; ms: number; reason: () => unknown },
): LinkedSignal => {
  const present = parents.filter((p): p is AbortSignal => p !== undefined);
  if (deadline === undefined && present.length <= 1) {
    return { signal: present[0] ?? neverAbortedSignal(), timedOut: false, dispose: noop };
  }
  const controller = new AbortController();
  const link = { signal: controller.signal, timedOut: false, dispose: noop };
  const onAbort = (event: Event): void => {
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const parent of present) {
    if (parent.aborted) controller.abort(parent.reason);
    else parent.addEventListener("abort", onAbort, { once: true });
  }
  const cancel = deadline?.clock.setTimeout(() => {
    link.timedOut = !controller.signal.aborted;
    controller.abort(deadline.reason());
  }, deadline.ms);
  link.dispose = () => {
    cancel?.();
    for (const parent of present) parent.removeEventListener("abort", onAbort);
  };
  return link;
};

const noop = (): void => {};
