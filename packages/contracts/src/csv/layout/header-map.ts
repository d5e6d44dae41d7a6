import { DataContractError, didYouMean } from "@peak/errors";
import { OHLCV_VALUE_COLUMNS } from "../../ohlcv/types";
import type { ResolvedCsvOptions } from "../csv-options";
import { displayText } from "../text/display-text";

const OURS = ["timestamp", ...OHLCV_VALUE_COLUMNS] as const;

const repeated = (names: readonly string[]): DataContractError | undefined => {
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const first = seen.get(name);
    if (first !== undefined) {
      return new DataContractError(`CSV header repeats the column '${displayText(name)}'`, {
        hint: "Give every column a unique name, or read the file with header: false",
        context: { column: displayText(name), positions: [first, i] },
      });
    }
    seen.set(name, i);
  }
  return undefined;
};

// Index of `wanted` among `names`: exact, else case-insensitive, else (no header) a position.
const find = (names: readonly string[], lower: readonly string[], wanted: string, pos: boolean) => {
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  const ci = lower.indexOf(wanted.toLowerCase());
  if (ci >= 0 || !pos || !/^\d+$/.test(wanted)) return ci;
  return Number(wanted) < names.length ? Number(wanted) : -1;
};

const noSuchColumn = (key: string, wanted: string, names: readonly string[]) =>
  new DataContractError(
    `CSV has no column '${displayText(wanted)}' for ${key} (columns.${key} = "${displayText(wanted)}")`,
    {
      hint:
        didYouMean(wanted, names) ??
        `Its columns are: ${names.slice(0, 12).map(displayText).join(", ")}`,
      context: { option: "columns", key, received: displayText(wanted) },
    },
  );

/**
 * The table's column names for a file's header (or positional names): the `columns` map and
 * case-insensitive matches rename the file's columns to ours; other columns keep their names.
 *
 * @throws DataContractError when the header repeats a name, a `columns` entry names no
 *   column, or a renamed column would collide with another.
 */
export const planColumnNames = (
  fileNames: readonly string[],
  opts: ResolvedCsvOptions,
  headerless: boolean,
): string[] => {
  const dup = repeated(fileNames);
  if (dup !== undefined) throw dup;
  const lower = fileNames.map((n) => n.toLowerCase());
  const out = [...fileNames];
  const claimed = new Set<number>();
  const target = (key: string) => (key === "timestamp" ? opts.timestampColumn : key);
  for (const key of OURS) {
    const wanted = opts.columns[key];
    if (wanted === undefined) continue;
    const at = find(fileNames, lower, wanted, headerless);
    if (at < 0) throw noSuchColumn(key, wanted, fileNames);
    claimed.add(at);
    out[at] = target(key);
  }
  for (const key of OURS) {
    if (opts.columns[key] !== undefined || out.includes(target(key))) continue;
    const at = find(fileNames, lower, target(key), false);
    if (at >= 0 && !claimed.has(at)) {
      claimed.add(at);
      out[at] = target(key);
    }
  }
  const clash = repeated(out);
  if (clash !== undefined) {
    throw new DataContractError(`${clash.message} after renaming by \`columns\``, {
      hint: "Map each of our names to a different column of the file",
      context: clash.context,
    });
  }
  return out;
};

/** Names for a file without header: the layout's, else ours for the first six, then column_N. */
export const positionalNames = (count: number, opts: ResolvedCsvOptions): string[] =>
  Array.from(
    { length: count },
    (_, i) => opts.names?.[i] ?? (opts.names === undefined ? OURS[i] : undefined) ?? `column_${i}`,
  );
