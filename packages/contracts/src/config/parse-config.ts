import { ConfigError } from "@peak/errors";
import type { output, ZodType } from "zod";
import { describeValue } from "./config-path";
import { declaredKeyPaths } from "./key-index";
import { findUnknownKeys } from "./unknown-keys";
import { isSchemaLike } from "./zod-def";
import type { ZodIssueLike } from "./zod-issue-text";
import { describeUnknownKey, toConfigIssues } from "./config-issue";

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /**
   * What the input is, for the error message ("Invalid strategy config: …").
   * @defaultValue "config"
   */
  label?: string;
}

type SafeParse = (
  input: unknown,
  params: { reportInput: boolean },
) => { success: true; data: unknown } | { success: false; error: { issues: ZodIssueLike[] } };

/**
 * Parses `input` with a zod 4 schema, strictly: every key the schema does not declare is an
 * error (even where the schema would strip it), with "did you mean …" suggestions by edit
 * distance and a note when the key belongs at another level; every type and range problem
 * names its full path, the expected value and what was received. All problems are reported
 * at once.
 *
 * @returns The schema's parsed output.
 * @throws ConfigError listing every problem: `context.issues` holds
 *   `{ path, code, message, expected?, received?, suggestions }` per problem and `hint` says
 *   how to fix the first. Also thrown when `schema` is not a zod 4 schema.
 * @example
 * ```ts
 * const Risk = z.object({ maxDrawdown: z.number().min(0).max(1), lookbackMs: z.int().positive() });
 * parseConfig(Risk, { maxDrawdwn: 0.2, lookbackMs: -5 });
 * // ConfigError: Invalid config: 3 problems
 * //   - maxDrawdwn: unknown key, did you mean `maxDrawdown`?
 * //   - maxDrawdown: is required (expected number) …
 * ```
 */
export const parseConfig = <S extends ZodType>(
  schema: S,
  input: unknown,
  options: ParseConfigOptions = {},
): output<S> => {
  if (!isSchemaLike(schema)) {
    throw new ConfigError("parseConfig expects a zod 4 schema", {
      hint: 'Pass a schema built with `import { z } from "zod"`, e.g. z.object({...})',
      context: { received: describeValue(schema) },
    });
  }
  const unknown = findUnknownKeys(schema, input);
  const result = (schema.safeParse as unknown as SafeParse)(input, { reportInput: true });
  if (result.success && unknown.length === 0) return result.data as output<S>;
  const declared = declaredKeyPaths(schema);
  const zodIssues = result.success ? [] : result.error.issues;
  const issues = [
    ...unknown.map((u) => describeUnknownKey(u, declared)),
    ...toConfigIssues(zodIssues, unknown),
  ];
  const label = options.label ?? "config";
  const n = issues.length;
  throw new ConfigError(
    `Invalid ${label}: ${n} problem${n === 1 ? "" : "s"}\n` +
      issues.map((i) => `  - ${i.path}: ${i.message}`).join("\n"),
    // Stryker disable next-line OptionalChaining: never empty here (a failed parse has an issue; a reported key is in `unknown`)
    { hint: issues[0]?.fix, context: { issues } },
  );
};
