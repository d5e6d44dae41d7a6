import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MessagePort } from "node:worker_threads";
import * as threads from "node:worker_threads";
import { afterAll, describe, expect, it, vi } from "vitest";
import { resolveCsvOptions } from "../csv-options";
import { checkRange, type CheckJob } from "../stream/check-range";
import { ROLE } from "../stream/range-scanner";
import { readRange, type RangeJob } from "./range-job";

// The worker entry, loaded on this thread with one end of a real MessageChannel as its
// parentPort (a worker's code never runs the active mutant); the test talks on the other end.
vi.mock("node:worker_threads", async (original) => {
  const real = await original<typeof threads>();
  const { port1, port2 } = new real.MessageChannel();
  return { ...real, parentPort: port1, testPort: port2 };
});
await import("./csv-worker");
const port = (threads as unknown as { testPort: MessagePort }).testPort;
const parent = threads.parentPort as MessagePort;

const dir = mkdtempSync(join(tmpdir(), "peak-csv-worker-"));
afterAll(() => {
  port.close();
  parent.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = "timestamp,open,high,low,close,volume\n";
const NAMES = ["timestamp", "open", "high", "low", "close", "volume"];
const file = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, HEADER + body);
  return { path, start: HEADER.length, end: HEADER.length + body.length };
};
const rangeJob = (at: ReturnType<typeof file>, id = 4): RangeJob => ({
  id,
  ...at,
  opts: resolveCsvOptions(),
  sep: ",",
  names: NAMES,
});
/** Sends `job` to the worker entry and waits for its one reply. */
const ask = (job: RangeJob | CheckJob) =>
  new Promise<unknown>((resolve) => {
    port.once("message", resolve);
    port.postMessage(job);
  });

const BODY = "2024-01-01T00:00:00Z,1,2,0.5,1.5,9\n1704067260000,1,2,0.5,1.25,8\n";

describe("the CSV worker entry", () => {
  it("reads a range job and replies with readRange's result, its buffers moved", async () => {
    const job = rangeJob(file("read.csv", BODY));
    expect(await ask(job)).toEqual({ ok: true, result: readRange(job) });
  });

  it("checks a check job and replies with checkRange's result", async () => {
    const at = file(
      "check.csv",
      "2024-01-01T00:00:00Z,1,2,0.5,1.5,9\n2024-01-01T00:01:00Z,1,2,0.5,1.25,8\n",
    );
    const job: CheckJob = {
      kind: "check",
      id: 2,
      ...at,
      roles: Uint8Array.from(NAMES, (n) => ROLE[n as keyof typeof ROLE]),
      sep: 44,
      jumpThreshold: Infinity,
      maxLineBytes: 1000,
      pieceBytes: 64,
    };
    const reply = (await ask(job)) as { ok: boolean; result: { rows: number; clean: boolean } };
    expect(reply).toEqual({ ok: true, result: checkRange(job) });
    expect(reply.result).toMatchObject({ rows: 2, clean: true });
  });

  it("replies data: true with the message for a data error", async () => {
    const job = rangeJob(file("bad.csv", "2024-01-01T00:00:00Z,1,2,3,4,5,6\n"), 9);
    expect(await ask(job)).toEqual({
      ok: false,
      id: 9,
      data: true,
      message: [
        "DataContractError: CSV line 1 has 7 fields, the header has 6",
        "Hint: Quote fields that contain the delimiter, or remove the extra fields",
        'Context: {"line":1,"fields":7,"expected":6}',
      ].join("\n"),
    });
  });

  it("replies data: false for any other error", async () => {
    const job = rangeJob({ path: join(dir, "missing.csv"), start: 0, end: 5 }, 6);
    const reply = (await ask(job)) as { ok: boolean; id: number; data: boolean; message: string };
    expect(reply).toMatchObject({ ok: false, id: 6, data: false });
    expect(reply.message).toMatch(
      /^Error: ENOENT: no such file or directory, open '.*missing\.csv'$/,
    );
  });
});
