import { randomBytes } from "node:crypto";
import { currentRun, currentTraceId } from "./run-scope";

/** The fields {@link runLogFields} adds to a log line. */
export interface RunLogFields {
  runId?: string;
  traceId?: string;
}

/**
 * `{ runId, traceId }` of the current scope (see {@link withRun}, {@link withTrace}); fields
 * that are not set are left out, so outside any run the result is `{}`.
 */
export const runLogFields = (): RunLogFields => {
  const fields: RunLogFields = {};
  const runId = currentRun()?.runId;
  const traceId = currentTraceId();
  if (runId !== undefined) fields.runId = runId;
  if (traceId !== undefined) fields.traceId = traceId;
  return fields;
};

/**
 * A pino `mixin`: every line logged inside {@link withRun} / {@link withTrace} carries `runId`
 * and `traceId`.
 *
 * @example
 * ```ts
 * import pino from "pino";
 * const logger = pino({ mixin: pinoMixin });
 * await withRun(ctx, async () => logger.info("fetching")); // {"runId":"…","msg":"fetching",…}
 * ```
 */
export const pinoMixin = (): RunLogFields => runLogFields();

/** A random 32-hex-character trace id (the W3C trace-context length). */
export const createTraceId = (): string => randomBytes(16).toString("hex");
