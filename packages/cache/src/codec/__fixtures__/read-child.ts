// Child for the regression tests: atomicRead(argv[2]) and print what happened as one JSON line.
import { isPeakTradeError } from "@peak/errors";
import { atomicRead } from "../../read/atomic-read";

try {
  const table = await atomicRead(process.argv[2]!, { format: process.argv[3] as "arrow" });
  console.log(
    JSON.stringify({ outcome: "parsed", rows: (table as { numRows(): number }).numRows() }),
  );
} catch (error) {
  const e = error as { name: string; code?: string; context?: unknown };
  console.log(
    JSON.stringify({
      outcome: isPeakTradeError(error) ? "typed" : "untyped",
      name: e.name,
      code: e.code,
      context: e.context,
    }),
  );
}
