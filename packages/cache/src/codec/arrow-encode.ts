import { tableFromColumns, tableToIPC, type Column, type Table } from "@uwdata/flechette";
import { toArrow, type ColumnTable } from "arquero";
import type { ArrowTypeMap } from "./arrow-types";

const isArrowColumn = (value: unknown): value is Column<unknown> =>
  typeof value === "object" &&
  value !== null &&
  Array.isArray((value as { data?: unknown }).data) &&
  typeof (value as { type?: { typeId?: unknown } }).type?.typeId === "number";

/**
 * Columns that can be written exactly as they were read: Arrow-backed (from `atomicRead`) in a
 * table that is neither filtered nor reordered. Their bytes are reused, so µs/ns timestamps,
 * zones and int64 values survive a read-write round trip unchanged.
 */
export const passthroughColumns = (table: ColumnTable): Map<string, Column<unknown>> => {
  const keep = new Map<string, Column<unknown>>();
  if (table.isFiltered() || table.isOrdered()) return keep;
  for (const name of table.columnNames()) {
    const column = table.column(name) as unknown;
    if (isArrowColumn(column)) keep.set(name, column);
  }
  return keep;
};

/** Builds the flechette table to write: passthrough columns as they are, others from values. */
export const toFlechette = (
  table: ColumnTable,
  types: ArrowTypeMap,
  keep: ReadonlyMap<string, Column<unknown>>,
): Table => {
  const names = table.columnNames();
  const rest = names.filter((name) => !keep.has(name));
  const restTypes = Object.fromEntries(Object.entries(types).filter(([n]) => !keep.has(n)));
  const built =
    rest.length === 0 ? undefined : toArrow(table.select(rest), { types: restTypes as never });
  const columns = Object.fromEntries(
    names.map((name) => [name, keep.get(name) ?? built!.getChild(name)]),
  );
  return tableFromColumns(columns as never);
};

/** Arrow IPC bytes (file or stream format) of a flechette table. */
export const ipcBytes = (table: Table, format: "file" | "stream"): Uint8Array =>
  tableToIPC(table, { format }) as Uint8Array;
