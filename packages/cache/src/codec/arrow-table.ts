import { tableFromIPC } from "@uwdata/flechette";
import { fromArrow, table as columnsTable, type ColumnTable } from "arquero";
import { materialize } from "./materialize";
import { isNaiveTimestamp, naiveText, type TimestampField } from "./naive-timestamps";

/**
 * Turns checked Arrow IPC bytes into an arquero table, reading every value once. Zone-less
 * timestamp columns (no Arrow timezone, or listed in `pandasNaive`) come back as zone-less ISO
 * text so the contract can tell them from UTC instants; others as epoch ms (or `Date`s).
 */
export const arrowToTable = (
  ipc: Uint8Array,
  dates: "number" | "date",
  pandasNaive: ReadonlySet<string>,
): ColumnTable => {
  const arrow = tableFromIPC(ipc, { useDate: dates === "date" });
  const table = fromArrow(arrow as never);
  materialize(table);
  const naive: Record<string, Array<string | null>> = {};
  for (const field of arrow.schema.fields as unknown as TimestampField[]) {
    if (!isNaiveTimestamp(field, pandasNaive)) continue;
    const raw = tableFromIPC(ipc, { useBigIntTimestamp: true }).getChild(field.name);
    naive[field.name] = naiveText(raw.data as never, field.type.unit ?? 1);
  }
  return Object.keys(naive).length === 0 ? table : table.assign(columnsTable(naive));
};
