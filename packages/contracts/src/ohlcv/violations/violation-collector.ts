import { describeRule } from "./rule-text";
import { OHLCV_RULES, type OhlcvRule, type Violation } from "../types";

/** How many offending row indices a violation keeps. */
export const MAX_REPORTED_ROWS = 20;

interface Entry {
  rule: OhlcvRule;
  column: string;
  count: number;
  rows: number[];
}

/** Accumulates offending rows per (rule, column) while the checks run. */
export class ViolationCollector {
  private readonly entries = new Map<string, Entry>();
  /** 1 at every row that broke a rule, when asked for (see {@link partitionOhlcv}). */
  readonly bad: Uint8Array | undefined;
  /** True once a structural problem (a missing column, no rows) was recorded. */
  structural = false;

  constructor(trackRows?: number) {
    this.bad = trackRows === undefined ? undefined : new Uint8Array(trackRows);
  }

  private entry(rule: OhlcvRule, column: string): Entry {
    const key = `${rule}\u0000${column}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { rule, column, count: 0, rows: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Records one offending row. */
  addRow(rule: OhlcvRule, column: string, row: number): void {
    const entry = this.entry(rule, column);
    entry.count++;
    if (entry.rows.length < MAX_REPORTED_ROWS) entry.rows.push(row);
    if (this.bad !== undefined) this.bad[row] = 1;
  }

  /** Forgets everything recorded for (rule, column). */
  clear(rule: OhlcvRule, column: string): void {
    this.entries.delete(`${rule}\u0000${column}`);
  }

  /** How many rows were recorded for (rule, column). */
  countOf(rule: OhlcvRule, column: string): number {
    return this.entries.get(`${rule}\u0000${column}`)?.count ?? 0;
  }

  /** Records a structural problem (no rows), e.g. a missing column. */
  addStructural(rule: OhlcvRule, column: string): void {
    this.entry(rule, column).count++;
    this.structural = true;
  }

  /** The violations in rule order, then in the given column order (`names`: the table's). */
  toViolations(columnOrder: readonly string[], names: readonly string[] = []): Violation[] {
    const rank = (e: Entry) => {
      const c = columnOrder.indexOf(e.column);
      return OHLCV_RULES.indexOf(e.rule) * 1000 + (c < 0 ? 999 : c);
    };
    return [...this.entries.values()]
      .sort((a, b) => rank(a) - rank(b))
      .map((e) => {
        const { message, hint } = describeRule(e.rule, e.column, e.count, names);
        const column = e.column === "" ? {} : { column: e.column };
        return { rule: e.rule, ...column, count: e.count, rows: e.rows, message, hint };
      });
  }
}
