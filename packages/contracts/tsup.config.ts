import { sharedTsup } from "../../tsup.shared.ts";

// The CSV worker is its own entry: parseOhlcvCsvFile starts it from dist/csv-worker.js.
export default sharedTsup({
  entry: { index: "src/index.ts", "csv-worker": "src/csv/parallel/csv-worker.ts" },
});
