// materialize reads every value of every column once: through toArray where a column has it,
// else row by row up to its length and no further.
import { describe, expect, it } from "vitest";
import type { ColumnTable } from "arquero";
import { materialize } from "./materialize";

describe("materialize", () => {
  it("calls toArray once on columns that have it, and at() on every row of the others", () => {
    const calls: string[] = [];
    const columns: Record<string, unknown> = {
      arrow: {
        toArray: () => calls.push("arrow.toArray"),
        at: () => calls.push("arrow.at"),
        length: 2,
      },
      plain: { at: (row: number) => calls.push(`plain.at(${row})`), length: 3 },
      empty: { at: (row: number) => calls.push(`empty.at(${row})`), length: 0 },
    };
    const table = {
      columnNames: () => Object.keys(columns),
      column: (name: string) => columns[name],
    };
    materialize(table as unknown as ColumnTable);
    expect(calls).toEqual(["arrow.toArray", "plain.at(0)", "plain.at(1)", "plain.at(2)"]);
  });

  it("lets a damaged value's error out", () => {
    const column = {
      at: (row: number) => {
        if (row === 1) throw new RangeError("bad key at row 1");
      },
      length: 2,
    };
    const table = { columnNames: () => ["a"], column: () => column };
    expect(() => materialize(table as unknown as ColumnTable)).toThrow("bad key at row 1");
  });
});
