import type { ExecuteContext } from "./policy";

let never: ExecuteContext | undefined;

/** A signal that never aborts, created on first use so importing the package allocates nothing. */
export const neverAbortedSignal = (): AbortSignal => defaultContext().signal;

/** A shared, frozen `{ signal }` context for calls made without a caller signal. */
export const defaultContext = (): ExecuteContext =>
  (never ??= Object.freeze({ signal: new AbortController().signal }));

/** The context for `signal`: the shared default when there is none. */
export const contextFor = (signal: AbortSignal | undefined): ExecuteContext =>
  signal === undefined || signal === never?.signal ? defaultContext() : { signal };
