// The self-check's input: real-looking bars with one planted defect of each kind.
import { closeSync, openSync, writeSync } from "node:fs";
import { HEADER, rows, walk } from "./generate.mjs";

/**
 * A small CSV with one defect of each kind the rules know, for the self-check: NaN close,
 * negative low, high below low, negative volume, open above high, a duplicate and an
 * out-of-order timestamp. Returns the expected count per rule.
 */
export const writeDefectCsv = (path, count = 2_000) => {
  const lines = rows(walk(7), 0, count).trimEnd().split("\n");
  const edit = (row, col, value) => {
    const cells = lines[row].split(",");
    cells[col] = value;
    lines[row] = cells.join(",");
  };
  edit(100, 4, "");
  edit(200, 3, "-1.0000");
  edit(300, 2, "1.0000");
  edit(400, 5, "-5");
  edit(500, 1, "99999.0000");
  edit(600, 0, lines[599].split(",")[0]);
  edit(700, 0, lines[698].split(",")[0]);
  const fd = openSync(path, "w");
  writeSync(fd, HEADER + lines.join("\n") + "\n");
  closeSync(fd);
  return {
    nan: 1,
    non_positive_price: 1,
    high_below_low: 1,
    negative_volume: 1,
    ohlc_out_of_range: 1,
    duplicate_timestamps: 2,
    unsorted_timestamps: 1,
  };
};
