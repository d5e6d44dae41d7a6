import { AsyncLocalStorage } from "node:async_hooks";
import { ConfigError } from "@peak/errors";
import type { ReproContext } from "../context/repro-context";

interface Scope {
  readonly run: ReproContext | undefined;
  readonly traceId: string | undefined;
}

// Created on first use, so importing the package starts nothing.
let storage: AsyncLocalStorage<Scope> | undefined;
const store = () => (storage ??= new AsyncLocalStorage<Scope>());

/**
 * Runs `fn` with `ctx` as the current run: {@link currentRun} returns it anywhere inside `fn`,
 * including after `await`s, timers and callbacks started from it. A trace id set outside is kept.
 *
 * @example
 * ```ts
 * await withRun(ctx, () => runPipeline()); // deep inside: currentRun()?.runId
 * ```
 */
export const withRun = <T>(ctx: ReproContext, fn: () => T): T =>
  store().run({ run: ctx, traceId: store().getStore()?.traceId }, fn);

/**
 * Runs `fn` with `traceId` as the current trace id (one request, job or pipeline stage); the
 * current run is kept.
 * @throws {@link ConfigError} when traceId is not a non-empty string.
 */
export const withTrace = <T>(traceId: string, fn: () => T): T => {
  if (typeof traceId !== "string" || traceId === "") {
    throw new ConfigError("withTrace(traceId, fn) needs a non-empty string", {
      hint: "Pass an id such as createTraceId()",
      context: { traceId: String(traceId) },
    });
  }
  return store().run({ run: store().getStore()?.run, traceId }, fn);
};

/** The context of the innermost {@link withRun}, or undefined outside one. */
export const currentRun = (): ReproContext | undefined => storage?.getStore()?.run;

/** The trace id of the innermost {@link withTrace}, or undefined outside one. */
export const currentTraceId = (): string | undefined => storage?.getStore()?.traceId;
