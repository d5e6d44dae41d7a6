import { execFile } from "node:child_process";

/** What a child Node process printed and how it ended (code 0 = exited by itself in time). */
export interface ChildResult {
  code: number | null;
  stdout: string;
}

/**
 * Runs `script` (an ES module body) in a fresh Node process that resolves `@peak/*` to source,
 * killing it after 15 s: a test of "nothing keeps the process alive" fails with a non-zero code.
 */
export const runChild = (script: string): Promise<ChildResult> =>
  new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--conditions=@peak/source", "--import", "tsx", "--input-type=module", "-e", script],
      { timeout: 15_000 },
      (error, out) =>
        resolve({ code: error ? ((error.code as number | null) ?? 1) : 0, stdout: out }),
    );
    child.stdin?.end();
  });
