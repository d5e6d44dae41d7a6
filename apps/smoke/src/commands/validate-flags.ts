import type { OhlcvCheckOptions, OhlcvCsvOptions } from "@peak/contracts";
import { usageError } from "../cli-error";
import type { CliArgs } from "../cli-args";

const DELIMITERS: Readonly<Record<string, string>> = {
  tab: "\t",
  "\\t": "\t",
  semicolon: ";",
  comma: ",",
  pipe: "|",
};

// `--columns timestamp=Date,close=Close` → { timestamp: "Date", close: "Close" }.
const columnsFlag = (text: string): Record<string, string> => {
  const map: Record<string, string> = {};
  for (const item of text.split(",")) {
    const eq = item.indexOf("=");
    if (eq <= 0 || eq === item.length - 1) {
      throw usageError(
        `--columns expects ours=theirs pairs, got \`${item}\``,
        "Write e.g. --columns timestamp=Date,volume=Volume (our names: timestamp, open, high, low, close, volume).",
      );
    }
    map[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return map;
};

const positive = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (Number.isSafeInteger(n) && n > 0) return n;
  throw usageError(
    `--${flag} must be a positive integer, got \`${text}\``,
    `Write e.g. --${flag} 4194304.`,
  );
};

/** How `validate` reads a CSV file, from its flags. */
export const csvOptionsFromFlags = (args: CliArgs): OhlcvCsvOptions => {
  const v = args.values;
  const options: Record<string, unknown> = {};
  // Only when given, so a layout's own default (yahoo: zone-less days as UTC) holds.
  if (v["no-require-tz"] === true) options.requireTz = false;
  if (v["require-tz"] === true) options.requireTz = true;
  if (v.columns !== undefined) options.columns = columnsFlag(v.columns);
  if (v.delimiter !== undefined) options.delimiter = DELIMITERS[v.delimiter] ?? v.delimiter;
  if (v.layout !== undefined) options.layout = v.layout;
  if (v["no-header"] === true) options.header = false;
  if (v["epoch-unit"] !== undefined) options.epochUnit = v["epoch-unit"];
  if (v.timezone !== undefined) options.timezone = v.timezone;
  options.maxLineBytes = positive("max-line-bytes", v["max-line-bytes"]);
  options.maxColumns = positive("max-columns", v["max-columns"]);
  for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
  return options as OhlcvCsvOptions;
};

/** The unit and zone flags that also apply to Parquet and Arrow files. */
export const timeOptionsFromFlags = (
  args: CliArgs,
): Pick<OhlcvCheckOptions, "epochUnit" | "timezone"> => {
  const out: Pick<OhlcvCheckOptions, "epochUnit" | "timezone"> = {};
  const unit = args.values["epoch-unit"];
  if (unit !== undefined) out.epochUnit = unit as NonNullable<OhlcvCheckOptions["epochUnit"]>;
  if (args.values.timezone !== undefined) out.timezone = args.values.timezone;
  return out;
};
