// One fuzz worker (a child process with a capped heap, see run-fuzz.ts): reads each case the
// parent sends and answers how it ended.
import { isPeakTradeError } from "@peak/errors";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import { partitionOhlcv } from "../../ohlcv/shapes/partition-ohlcv";
import { parseOhlcvCsv } from "../parse-ohlcv-csv";
import { makeFuzzCase } from "./csv-mutator";

process.on("message", (seed: number) => {
  let outcome: "parsed" | "typed" | "untyped" = "parsed";
  let detail = "";
  try {
    const { text, options } = makeFuzzCase(seed);
    const table = parseOhlcvCsv(text, options);
    const check = {
      epochUnit: options.epochUnit ?? "auto",
      ...(options.timezone ? { timezone: options.timezone } : {}),
    };
    const report = checkOhlcv(table, check);
    const { valid } = partitionOhlcv(table, check);
    if (valid.numRows() > 0 && !checkOhlcv(valid, check).ok)
      throw new Error("partition kept an invalid row");
    JSON.stringify(report);
  } catch (error) {
    outcome = isPeakTradeError(error) ? "typed" : "untyped";
    detail = outcome === "typed" ? "" : String((error as Error)?.stack ?? error);
  }
  process.send?.({ seed, outcome, detail });
});
