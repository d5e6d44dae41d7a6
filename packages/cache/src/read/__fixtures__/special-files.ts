import { execFileSync } from "node:child_process";
import { mkdir, symlink } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { afterEach } from "vitest";

/** The special files every reader must refuse quickly: each maker creates one at `path`. */
export type SpecialKind = "fifo" | "directory" | "dev-zero" | "socket";

export const SPECIAL_KINDS: readonly SpecialKind[] = ["fifo", "directory", "dev-zero", "socket"];

/** Registers cleanup (servers closed after each test) and returns a maker of special files. */
export const useSpecialFiles = () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  });
  return async (kind: SpecialKind, path: string): Promise<string> => {
    switch (kind) {
      case "fifo":
        execFileSync("mkfifo", [path]);
        break;
      case "directory":
        await mkdir(path);
        break;
      case "dev-zero":
        await symlink("/dev/zero", path);
        break;
      case "socket": {
        const server = createServer();
        servers.push(server);
        await new Promise<void>((done) => server.listen(path, done));
        break;
      }
    }
    return path;
  };
};

/**
 * Settles like `work` (resolving to the value or the rejection reason), or rejects after
 * `ms` when it hangs: the guard for "fails within 1 s", around the call under test only.
 */
export const settleWithin = async (work: Promise<unknown>, ms = 1_000): Promise<unknown> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([
      work.then(
        (v) => v,
        (e: unknown) => e,
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
};
