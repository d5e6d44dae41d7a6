import type * as WorkerThreads from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { pattern, sha256 } from "../shared/__fixtures__/bytes";
import { sha256OffThread } from "./sha256-worker";

// The real worker class, only recording each instance so a test can stop one mid-job.
const started = vi.hoisted(() => [] as WorkerThreads.Worker[]);
vi.mock("node:worker_threads", async (importOriginal) => {
  const real = await importOriginal<typeof WorkerThreads>();
  class Recorded extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.push(this);
    }
  }
  return { ...real, Worker: Recorded };
});

const MiB = 1024 * 1024;

describe("sha256OffThread when its worker dies", () => {
  it("rejects a job that fits the ring and hashes the next job on a new worker", async () => {
    await sha256OffThread(Uint8Array.of(1));
    const before = started.length;
    const job = sha256OffThread(new Uint8Array(16 * MiB).fill(1));
    await started.at(-1)!.terminate();
    await expect(job).rejects.toThrow(/SHA-256 worker exited with code 1/);
    const bytes = pattern(5 * MiB, 1);
    expect(await sha256OffThread(bytes)).toBe(sha256(bytes));
    expect(started.length).toBe(before + 1);
  });

  it("rejects a job that waits for a free slot of the ring", async () => {
    await sha256OffThread(Uint8Array.of(1));
    const job = sha256OffThread(new Uint8Array(64 * MiB).fill(2));
    await started.at(-1)!.terminate();
    await expect(job).rejects.toThrow(/SHA-256 worker exited with code 1/);
  });
});
