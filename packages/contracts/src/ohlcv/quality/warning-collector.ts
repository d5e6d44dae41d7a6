import { MAX_REPORTED_ROWS } from "../violations/violation-collector";
import { QUALITY_RULES, type QualityRule, type QualityWarning } from "./quality-types";
import { describeWarning, type WarningFacts } from "./warning-text";

type Kind = QualityWarning["kind"];

interface Event {
  rule: QualityRule;
  column: string;
  kind: Kind;
  count: number;
  rows: number[];
  lengths: number[];
}

/** Accumulates quality events per (rule, column, kind); each event is a row and a length. */
export class WarningCollector {
  private readonly events = new Map<string, Event>();

  private readonly facts: Omit<WarningFacts, "column" | "kind" | "count" | "rows" | "lengths">;

  constructor(facts: WarningCollector["facts"]) {
    this.facts = facts;
  }

  /** Records one event starting at `row` (a gap, a run, a spike) of the given size. */
  add(rule: QualityRule, column: string, row: number, length: number, kind?: Kind): void {
    const key = `${rule}\u0000${column}\u0000${kind ?? ""}`;
    let e = this.events.get(key);
    if (e === undefined) {
      e = { rule, column, kind, count: 0, rows: [], lengths: [] };
      this.events.set(key, e);
    }
    e.count++;
    if (e.rows.length < MAX_REPORTED_ROWS) {
      e.rows.push(row);
      e.lengths.push(length);
    }
  }

  /** The warnings in {@link QUALITY_RULES} order (spikes before persistent moves). */
  toWarnings(): QualityWarning[] {
    const rank = (e: Event) =>
      QUALITY_RULES.indexOf(e.rule) * 2 + (e.kind === "persistent" ? 1 : 0);
    return [...this.events.values()]
      .sort((a, b) => rank(a) - rank(b))
      .map((e) => {
        const text = describeWarning(e.rule, { ...this.facts, ...e });
        return {
          rule: e.rule,
          ...(e.column === "" ? {} : { column: e.column }),
          ...(e.kind === undefined ? {} : { kind: e.kind }),
          count: e.count,
          rows: e.rows,
          lengths: e.lengths,
          ...text,
        };
      });
  }
}
