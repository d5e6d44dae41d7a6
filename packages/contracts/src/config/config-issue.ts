import { describeValue, formatPath } from "./config-path";
import type { UnknownKey } from "./unknown-keys";
import { expectedText, issueMessage, valueSuggestions, type ZodIssueLike } from "./zod-issue-text";

/** One problem in a config, as carried in `ConfigError.context.issues`. */
export interface ConfigIssue {
  /** Where: `risk.maxDrawdown`, `legs[0].symbol`, or `(root)`. */
  path: string;
  /** `unknown_key`, or zod's issue code (`invalid_type`, `too_small`, `invalid_value`, …). */
  code: string;
  /** What is wrong, in one line. */
  message: string;
  /** What the value should be (`a number >= 0`), for value problems. */
  expected?: string;
  /** A short description of what was given. */
  received?: string;
  /** Closest valid keys or values, best first (at most 3). */
  suggestions: string[];
  /** For an unknown key: the keys allowed at its level. */
  known?: string[];
  /** How to fix this one problem. */
  fix: string;
}

const quote = (s: string) => `\`${s}\``;

/** The issue for one unknown key, noting where else in the schema that key is declared. */
export const describeUnknownKey = (u: UnknownKey, declared: Map<string, string[]>): ConfigIssue => {
  const path = formatPath([...u.path, u.key]);
  const elsewhere = (declared.get(u.key) ?? []).filter((p) => p !== path);
  let message = "unknown key";
  if (u.suggestions.length > 0)
    message += `, did you mean ${u.suggestions.map(quote).join(" or ")}?`;
  if (elsewhere.length > 0)
    message += ` (\`${u.key}\` belongs at ${elsewhere.map(quote).join(", ")})`;
  const parent = formatPath(u.path);
  const where = parent === "(root)" ? "" : ` in \`${parent}\``;
  const [best] = u.suggestions;
  const fix =
    best !== undefined
      ? `Rename \`${u.key}\` to \`${best}\`${where}`
      : `Remove \`${path}\`; keys allowed here: ${u.known.join(", ") || "none"}`;
  return { path, code: "unknown_key", message, suggestions: u.suggestions, known: u.known, fix };
};

// A missing required key whose likely typo sits beside it: "the input has `maxDrawdwn`".
// (`some`, not `includes`: an array index or a symbol as the last part matches no key.)
const typoNote = (issue: ZodIssueLike, unknown: readonly UnknownKey[]): string => {
  if (issue.code !== "invalid_type" || issue.input !== undefined) return "";
  const key = issue.path[issue.path.length - 1];
  const parent = formatPath(issue.path.slice(0, -1));
  const typo = unknown.find(
    (u) => formatPath(u.path) === parent && u.suggestions.some((s) => s === key),
  );
  return typo ? `; the input has ${quote(typo.key)}, probably a typo` : "";
};

/**
 * Turns zod issues into {@link ConfigIssue}s; drops zod's own `unrecognized_keys` issues for
 * keys the strict walk already reported (and keeps any it could not see).
 */
export const toConfigIssues = (
  issues: readonly ZodIssueLike[],
  unknown: readonly UnknownKey[],
): ConfigIssue[] => {
  const reported = new Set(unknown.map((u) => formatPath([...u.path, u.key])));
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      // Stryker disable next-line ArrayDeclaration: zod 4 always lists `keys` on this issue
      for (const key of (issue as { keys?: string[] }).keys ?? []) {
        const path = formatPath([...issue.path, key]);
        if (reported.has(path)) continue;
        const fix = `Remove \`${path}\``;
        out.push({ path, code: "unknown_key", message: "unknown key", suggestions: [], fix });
      }
      continue;
    }
    const suggestions = valueSuggestions(issue);
    const hint =
      suggestions.length > 0 ? `, did you mean ${suggestions.map(quote).join(" or ")}?` : "";
    const path = formatPath(issue.path);
    const expected = expectedText(issue);
    out.push({
      path,
      code: issue.code,
      message: issueMessage(issue) + hint + typoNote(issue, unknown),
      expected,
      received: describeValue(issue.input),
      suggestions,
      fix: `Set \`${path}\` to ${suggestions[0] === undefined ? expected : JSON.stringify(suggestions[0])}`,
    });
  }
  return out;
};
