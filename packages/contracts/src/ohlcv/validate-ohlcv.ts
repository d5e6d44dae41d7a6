import { DataContractError } from "@peak/errors";
import { checkOhlcv, type OhlcvTableInput } from "./check-ohlcv";
import type { OhlcvCheckOptions, OhlcvReport, Violation } from "./types";

const summary = (v: Violation): string =>
  `${v.rule}${v.column === undefined ? "" : ` in ${v.column}`}` +
  (v.rows.length > 0 ? ` (${v.count} row${v.count === 1 ? "" : "s"}, first at ${v.rows[0]})` : "");

/**
 * Like {@link checkOhlcv}, but throws when any rule is broken and returns the (passing)
 * report otherwise.
 *
 * @throws DataContractError listing every violation: `context.violations` holds them all
 *   (with rule, column, count, first 20 rows), `context.rows` the row count, and `hint` says
 *   how to fix the first one.
 * @throws ConfigError for a table argument or option that is not valid.
 * @example
 * ```ts
 * try {
 *   validateOhlcv(table, { requireTz: true });
 * } catch (e) {
 *   if (isDataContractError(e)) console.error(e.toString());
 * }
 * ```
 */
export const validateOhlcv = (table: OhlcvTableInput, options?: OhlcvCheckOptions): OhlcvReport => {
  const report = checkOhlcv(table, options);
  const first = report.violations[0];
  if (first === undefined) return report;
  const n = report.violations.length;
  throw new DataContractError(
    `OHLCV data contract failed with ${n} violation${n === 1 ? "" : "s"}: ` +
      report.violations.map(summary).join("; "),
    {
      hint: first.hint,
      context: { rows: report.rows, violations: report.violations },
    },
  );
};
