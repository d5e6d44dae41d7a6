import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./scenario-child.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs one scenario of `scenario-child.ts` in a fresh Node process, on real timers, and
 * returns the JSON it printed; rejects with its stderr when it failed.
 */
export const runScenario = (name: string): Promise<unknown> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--conditions=@peak/source", "--import", "tsx", CHILD, name],
      { cwd: PACKAGE_DIR, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`scenario ${name} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as unknown);
      },
    );
  });
