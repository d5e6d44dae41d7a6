import type { ExecuteResult } from "./policy";

const ok = <T>(value: T): ExecuteResult<T> => ({ ok: true, value });
const failed = (error: unknown): ExecuteResult<never> => ({ ok: false, error });

/** Settles `promise` into a result object; the returned promise never rejects. */
export const toResult = <T>(promise: Promise<T>): Promise<ExecuteResult<T>> =>
  promise.then(ok, failed);

/**
 * A promise that rejects with `error` one microtask from now. By then the caller has
 * attached its handler, which spares Node's unhandled-rejection bookkeeping that
 * `Promise.reject` triggers (several times the cost of the rest of a rejected call). A
 * caller that never handles it still gets an unhandled rejection.
 */
export const rejectSoon = <T>(error: Error): Promise<T> =>
  new Promise<T>((_, reject) => queueMicrotask(() => reject(error)));
