import { execFile } from "node:child_process";

/** What a child Node process printed and how it ended (code 0 = exited by itself in time). */
export interface ChildResult {
  code: number | null;
  stdout: string;
}

/**
 * Runs `script` (an ES module body) in a fresh Node process that resolves `@peak/*` to source,
 * killing it after `killAfterMs`: a test of "nothing keeps the process alive" then fails with a
 * non-zero code. Starting tsx takes seconds on a loaded machine, hence the generous default.
 */
export const runChild = (script: string, killAfterMs = 45_000): Promise<ChildResult> =>
  new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--conditions=@peak/source", "--import", "tsx", "--input-type=module", "-e", script],
      { timeout: killAfterMs },
      (error, out) =>
        resolve({ code: error ? ((error.code as number | null) ?? 1) : 0, stdout: out }),
    );
    child.stdin?.end();
  });
