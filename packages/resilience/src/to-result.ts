import type { ExecuteResult } from "./policy";

const ok = <T>(value: T): ExecuteResult<T> => ({ ok: true, value });
const failed = (error: unknown): ExecuteResult<never> => ({ ok: false, error });

/** Settles `promise` into a result object; the returned promise never rejects. */
export const toResult = <T>(promise: Promise<T>): Promise<ExecuteResult<T>> =>
  promise.then(ok, failed);
