import { readdir, readFile, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@peak/errors";
import { isPidAlive } from "../lock/path-lock";
import { repairSidecars } from "./repair-sidecars";
import { classifyName } from "../shared/temp-name";

/** Options of {@link cleanup}. */
export interface CleanupOptions {
  /** Remove leftovers at least this old, whoever wrote them. @defaultValue 900_000 (15 min) */
  olderThanMs?: number;
  /** Also remove leftovers whose writer pid is no longer running on this host. @defaultValue true */
  checkPid?: boolean;
  /** Clock (ms since epoch). @defaultValue Date.now */
  now?: () => number;
  /** Whether a pid is running. @defaultValue `process.kill(pid, 0)` */
  isAlive?: (pid: number) => boolean;
  /** Rewrite two-digest sidecars left by a crash to the digest matching the data. @defaultValue true */
  repairSidecars?: boolean;
}

/** What {@link cleanup} removed and repaired (absolute paths). */
export interface CleanupResult {
  removed: string[];
  /** Sidecars rewritten from two digests (mid-swap crash) to the one matching their data. */
  repaired: string[];
}

const lockOwner = async (path: string): Promise<number | undefined> => {
  try {
    const info = JSON.parse(await readFile(path, "utf8")) as { pid?: unknown; host?: unknown };
    return info.host === hostname() && typeof info.pid === "number" ? info.pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Sweeps a cache folder (not recursive) for leftovers of crashed writers: temporary files
 * (`.<name>.peaktmp-<pid>-<hex>`) and swap locks (`.<name>.peaklock`). One is removed when it is
 * older than `olderThanMs`, or when its writer's pid is gone (same host). Nothing else is touched;
 * the current process's own files are only removed by age. Then sidecars left listing two
 * digests by a crash mid-swap are rewritten to the digest that matches their data, so
 * `sha256sum -c` passes again.
 *
 * @example
 * ```ts
 * const { removed } = await cleanup("cache", { olderThanMs: 60 * 60_000 });
 * ```
 * @throws {ConfigError} for a negative `olderThanMs`.
 */
export const cleanup = async (
  dir: string,
  options: CleanupOptions = {},
): Promise<CleanupResult> => {
  const { olderThanMs = 900_000, checkPid = true, now = Date.now, isAlive = isPidAlive } = options;
  if (!(olderThanMs >= 0)) {
    throw new ConfigError(`Invalid cleanup option \`olderThanMs\`: ${olderThanMs}`, {
      hint: "Use a number of milliseconds >= 0",
      context: { option: "olderThanMs", value: olderThanMs },
    });
  }
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const kind = classifyName(name);
    if (kind.kind === "other") continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) continue;
    const pid = kind.kind === "temp" ? kind.pid : await lockOwner(path);
    const dead = checkPid && pid !== undefined && pid !== process.pid && !isAlive(pid);
    if (!dead && now() - info.mtimeMs < olderThanMs) continue;
    await unlink(path).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  const repaired = options.repairSidecars === false ? [] : await repairSidecars(dir);
  return { removed, repaired };
};
