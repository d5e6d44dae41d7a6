import { ConfigError } from "@peak/errors";
import { markTimestampColumn, timestampMarkOf } from "../../time/timestamp-marks";
import type { OhlcvColumns } from "../types";

/** The column access {@link checkOhlcv} needs, whatever the input type. */
export interface TableSource {
  /** Number of rows in the (filtered/ordered) view. */
  rowCount: number;
  /** Column names present. */
  names: readonly string[];
  /** The column's values in view order: zero-copy when possible. */
  column: (name: string) => ArrayLike<unknown>;
}

/** The arquero `ColumnTable` methods this package relies on. */
interface ArqueroLike {
  columnNames: () => string[];
  column: (name: string) => unknown;
  numRows: () => number;
  isFiltered: () => boolean;
  isOrdered: () => boolean;
  indices: () => Uint32Array;
}

const isArquero = (value: object): value is ArqueroLike => {
  const t = value as Partial<Record<keyof ArqueroLike, unknown>>;
  return (
    typeof t.columnNames === "function" &&
    typeof t.column === "function" &&
    typeof t.numRows === "function" &&
    typeof t.indices === "function"
  );
};

const isArrayLike = (value: unknown): value is ArrayLike<unknown> =>
  Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));

// Arquero columns are arrays, typed arrays or Arrow-style vectors with `toArray()`; a column
// read as none of them is `rows` missing values (each one `nan`), not an empty column.
const toValues = (data: unknown, rows: number): ArrayLike<unknown> => {
  if (isArrayLike(data)) return data;
  const vector = data as { toArray?: () => unknown } | null | undefined;
  if (typeof vector?.toArray === "function") {
    const arr = vector.toArray();
    if (isArrayLike(arr)) return arr;
  }
  return new Array<undefined>(rows);
};

// Copies a column through the view's row indices (filtered or ordered arquero tables),
// keeping the mark of a timestamp column this package produced.
const gather = (values: ArrayLike<unknown>, indices: Uint32Array): ArrayLike<unknown> => {
  const out: unknown[] | Float64Array =
    // Stryker disable next-line ArrayDeclaration: an empty array grows to the same cells as they are written
    values instanceof Float64Array ? new Float64Array(indices.length) : new Array(indices.length);
  // Stryker disable next-line EqualityOperator: `<=` writes one undefined cell past the view's rows: the row checks stop at rowCount, and a NaN bar or stamp makes no warning
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i] as number];
  const mark = timestampMarkOf(values);
  if (mark !== undefined) markTimestampColumn(out, mark.unit);
  return out as ArrayLike<unknown>;
};

const fromArquero = (table: ArqueroLike): TableSource => {
  const reindex = table.isFiltered() || table.isOrdered();
  const indices = reindex ? table.indices() : undefined;
  const rowCount = table.numRows();
  return {
    rowCount,
    names: table.columnNames(),
    column: (name) => {
      const values = toValues(table.column(name), rowCount);
      return indices === undefined ? values : gather(values, indices);
    },
  };
};

const fromColumns = (columns: OhlcvColumns): TableSource => {
  const names = Object.keys(columns);
  let rowCount = -1;
  for (const name of names) {
    const values = columns[name];
    if (!isArrayLike(values)) {
      throw new ConfigError(`Column \`${name}\` is not an array or typed array`, {
        hint: "Pass each column as an array or typed array, e.g. { open: Float64Array, … }",
        context: { column: name, received: typeof values },
      });
    }
    if (rowCount >= 0 && values.length !== rowCount) {
      throw new ConfigError(`Column \`${name}\` has ${values.length} rows, expected ${rowCount}`, {
        hint: "Give every column the same number of rows",
        context: { column: name, rows: values.length, expected: rowCount },
      });
    }
    rowCount = values.length;
  }
  return { rowCount: Math.max(rowCount, 0), names, column: (name) => columns[name] ?? [] };
};

/**
 * Wraps an arquero table or a plain column object in a {@link TableSource}.
 *
 * @throws ConfigError when the input is neither, or plain columns are not arrays of one length.
 */
export const toTableSource = (input: unknown): TableSource => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ConfigError("Expected an arquero table or an object of columns", {
      hint: "Pass aq.table({...}), a table from parseOhlcvCsv, or { timestamp: [...], open: [...] }",
      context: {
        received: Array.isArray(input) ? "array" : input === null ? "null" : typeof input,
      },
    });
  }
  return isArquero(input) ? fromArquero(input) : fromColumns(input as OhlcvColumns);
};
