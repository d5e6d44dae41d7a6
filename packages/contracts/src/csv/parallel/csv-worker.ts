// Worker entry of the parallel CSV reader: reads or checks one byte range per message.
import { parentPort } from "node:worker_threads";
import { isPeakTradeError } from "@peak/errors";
import { checkRange, type CheckJob } from "../stream/check-range";
import { readRange, transfers, type RangeJob } from "./range-job";

parentPort?.on("message", (job: RangeJob | CheckJob) => {
  try {
    if ("kind" in job) {
      parentPort?.postMessage({ ok: true, result: checkRange(job) });
      return;
    }
    const result = readRange(job);
    parentPort?.postMessage({ ok: true, result }, transfers(result));
  } catch (error) {
    // A data error: the main thread reads the file again on one thread for the exact error.
    const data = isPeakTradeError(error);
    parentPort?.postMessage({ ok: false, id: job.id, data, message: String(error) });
  }
});
