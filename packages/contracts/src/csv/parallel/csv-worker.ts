// Worker entry of the parallel CSV reader: reads or checks one byte range per message.
import { parentPort } from "node:worker_threads";
import { isPeakTradeError } from "@peak/errors";
import { checkRange, type CheckJob } from "../stream/check-range";
import { readRange, transfers, type RangeJob } from "./range-job";

parentPort?.on("message", (job: RangeJob | CheckJob) => {
  try {
    if ("kind" in job) {
      // Stryker disable next-line OptionalChaining: this module runs only as a worker's entry, where parentPort is set
      parentPort?.postMessage({ ok: true, result: checkRange(job) });
      return;
    }
    const result = readRange(job);
    // Stryker disable next-line OptionalChaining: this module runs only as a worker's entry, where parentPort is set
    parentPort?.postMessage({ ok: true, result }, transfers(result));
  } catch (error) {
    // A data error: the main thread reads the file again on one thread for the exact error.
    const data = isPeakTradeError(error);
    // Stryker disable next-line OptionalChaining: this module runs only as a worker's entry, where parentPort is set
    parentPort?.postMessage({ ok: false, id: job.id, data, message: String(error) });
  }
});
