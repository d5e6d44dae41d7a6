import { Worker } from "node:worker_threads";

/** Bytes per ring slot, and slots: up to 16 MiB in flight between the main thread and the worker. */
const SLOT_BYTES = 4 * 1024 * 1024;
const SLOTS = 4;

// The worker hashes ring slots in message order, one SHA-256 per job, and frees each slot.
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const ring = new Uint8Array(workerData);
const jobs = new Map();
parentPort.on("message", (m) => {
  let hash = jobs.get(m.job);
  if (hash === undefined) jobs.set(m.job, (hash = createHash("sha256")));
  if (m.slot === undefined) {
    jobs.delete(m.job);
    parentPort.postMessage({ job: m.job, hex: hash.digest("hex") });
    return;
  }
  hash.update(ring.subarray(m.slot * ${SLOT_BYTES}, m.slot * ${SLOT_BYTES} + m.length));
  parentPort.postMessage({ free: m.slot });
});`;

interface Pending {
  resolve(hex: string): void;
  reject(error: unknown): void;
}

/** One long-lived hashing thread fed through a shared-memory ring (no per-chunk allocation). */
class HashThread {
  readonly #ring = new SharedArrayBuffer(SLOT_BYTES * SLOTS);
  readonly #view = new Uint8Array(this.#ring);
  readonly #worker: Worker;
  readonly #free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  readonly #waiting: Array<(slot: number) => void> = [];
  readonly #jobs = new Map<number, Pending>();
  #next = 0;
  failed = false;

  constructor() {
    this.#worker = new Worker(WORKER_CODE, { eval: true, workerData: this.#ring });
    this.#worker.unref(); // referenced only while a job runs
    this.#worker.on("message", (m: { free?: number; job?: number; hex?: string }) => {
      if (m.free !== undefined) this.#release(m.free);
      else this.#settle(m.job!, (p) => p.resolve(m.hex!));
    });
    const fail = (error: unknown) => {
      this.failed = true;
      for (const job of [...this.#jobs.keys()]) this.#settle(job, (p) => p.reject(error));
      // A job waiting for a free slot stops there (its promise was just rejected).
      // Stryker disable next-line UnaryOperator: the woken job stops before it uses the slot
      for (const wake of this.#waiting.splice(0)) wake(-1);
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => fail(new Error(`SHA-256 worker exited with code ${code}`)));
  }

  #release(slot: number): void {
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#free.push(slot);
    else waiter(slot);
  }

  #slot(): Promise<number> | number {
    return this.#free.pop() ?? new Promise((resolve) => this.#waiting.push(resolve));
  }

  #settle(job: number, how: (pending: Pending) => void): void {
    const pending = this.#jobs.get(job);
    if (pending === undefined) return;
    this.#jobs.delete(job);
    if (this.#jobs.size === 0) this.#worker.unref();
    how(pending);
  }

  /** SHA-256 of `bytes`, hashed on the worker while the caller's thread stays free. */
  async digest(bytes: Uint8Array): Promise<string> {
    // Stryker disable next-line AssignmentOperator: counting down gives unique job ids too
    const job = (this.#next += 1);
    const done = new Promise<string>((resolve, reject) => this.#jobs.set(job, { resolve, reject }));
    this.#worker.ref();
    for (let start = 0; start < bytes.length && !this.failed; start += SLOT_BYTES) {
      const slot = await this.#slot();
      if (this.failed) break;
      const chunk = bytes.subarray(start, start + SLOT_BYTES);
      this.#view.set(chunk, slot * SLOT_BYTES);
      this.#worker.postMessage({ job, slot, length: chunk.length });
    }
    this.#worker.postMessage({ job });
    return done;
  }
}

let thread: HashThread | undefined;

/**
 * Hashes `bytes` with SHA-256 on a worker thread (started on first use, kept but unreferenced
 * between jobs; a crashed one is replaced on the next call). The main thread only copies each
 * 4 MiB slice into shared memory, so the hash overlaps a write running in the thread pool.
 *
 * @throws when the worker dies during the job.
 */
export const sha256OffThread = (bytes: Uint8Array): Promise<string> => {
  if (thread === undefined || thread.failed) thread = new HashThread();
  return thread.digest(bytes);
};
