// pnpm --filter @peak/contracts bench:quality — only the quality on/off timing.
import { cpus, loadavg } from "node:os";
import { qualityOnOff } from "./quality";

const log = (line = "") => process.stdout.write(`${line}\n`);
const rows = Number(process.env.BENCH_QUALITY_ROWS ?? 10_000_000);
log(
  `@peak/contracts quality bench — Node ${process.version}, ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
qualityOnOff(rows, Number(process.env.BENCH_ROUNDS ?? 5), log);
