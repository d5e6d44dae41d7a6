import { toArrowIPC, type ColumnTable } from "arquero";
import type * as Arrow from "apache-arrow";
import { planColumns } from "./arrow-types";
import { timestampVector } from "./timestamp-vector";

/**
 * Encodes an arquero table as Arrow IPC: timestamp columns are built directly as
 * `Timestamp(ms, "UTC")` with apache-arrow (fast, zero per-value BigInt), the other columns go
 * through arquero's own encoder; the result keeps the table's column order.
 */
export const tableToIPC = async (
  table: ColumnTable,
  timestampColumns: readonly string[],
  format: "file" | "stream",
): Promise<Uint8Array> => {
  const arrow = await import("apache-arrow");
  const plan = planColumns(table, timestampColumns);
  const names = table.columnNames();
  const rest = names.filter((name) => !plan.timestamps.includes(name));
  const others =
    rest.length > 0
      ? arrow.tableFromIPC(toArrowIPC(table.select(rest), { types: plan.floatOverrides as never }))
      : undefined;
  const vectors: Record<string, Arrow.Vector> = {};
  for (const name of names) {
    vectors[name] = plan.timestamps.includes(name)
      ? timestampVector(arrow, table.array(name) as ArrayLike<unknown>, name)
      : (others!.getChild(name) as Arrow.Vector);
  }
  return arrow.tableToIPC(new arrow.Table(vectors), format);
};
