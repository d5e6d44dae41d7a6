import type { ColumnTable } from "arquero";

/**
 * Reads every value of every column once, so that damage a structure check cannot see (an
 * int64 beyond 2^53, a bad dictionary key) throws here, inside the read, and not later when
 * the caller touches a column.
 */
export const materialize = (table: ColumnTable): void => {
  for (const name of table.columnNames()) {
    const column = table.column(name) as unknown as {
      toArray?: () => unknown;
      at: (row: number) => unknown;
      length: number;
    };
    if (typeof column.toArray === "function") column.toArray();
    else for (let row = 0; row < column.length; row += 1) column.at(row);
  }
};
