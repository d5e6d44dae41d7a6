// Runs one end-to-end scenario on real (short) timers and prints its result as JSON.
// Usage: node --conditions=@peak/source --import tsx scenario-child.ts <name>
import { networkErrors } from "./scenarios/network-errors";
import { retryAfter } from "./scenarios/retry-after";
import { slowProbe } from "./scenarios/slow-probe";
import { sharedSignal, typo } from "./scenarios/small-points";
import { timeoutModes } from "./scenarios/timeout-modes";

const scenarios: Record<string, () => Promise<unknown>> = {
  slowProbe,
  networkErrors,
  retryAfter,
  timeoutModes,
  typo,
  sharedSignal,
};

const name = process.argv[2] ?? "";
const scenario = scenarios[name];
if (scenario === undefined) {
  process.stderr.write(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(", ")}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await scenario()));
