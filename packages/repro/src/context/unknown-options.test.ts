import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { legacyPythonHash } from "../hash/legacy-python-hash";
import { stableHash } from "../hash/stable-hash";
import { createJsonLogger } from "../log/json-logger";
import { verifyDeterminism } from "../rng/verify-determinism";
import { getGitSha, getGitShaSync } from "./git-sha";
import { ReproContext } from "./repro-context";
import { createRunIdGenerator } from "./run-id";

const rejection = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return error as { message: string; hint?: string };
  }
  throw new Error("accepted a misspelt option");
};

describe("every @peak/repro options object rejects unknown keys with a suggestion", () => {
  it.each([
    ["stableHash", () => stableHash({}, { shrot: true } as never), "shrot", "short"],
    [
      "legacyPythonHash",
      () => legacyPythonHash({}, { floatPath: [] } as never),
      "floatPath",
      "floatPaths",
    ],
    ["getGitSha", () => getGitSha({ timeout: 5 } as never), "timeout", "timeoutMs"],
    ["getGitSha", () => getGitShaSync({ cdw: "." } as never), "cdw", "cwd"],
    ["createRunIdGenerator", () => createRunIdGenerator({ nwo: Date.now } as never), "nwo", "now"],
    [
      "verifyDeterminism",
      () => verifyDeterminism(() => 1, { seed: 1, run: 2 } as never),
      "run",
      "runs",
    ],
    [
      "createJsonLogger",
      () => createJsonLogger(() => undefined, { now: Date.now, level: "x" } as never),
      "level",
      undefined,
    ],
    ["ReproContext.create", () => ReproContext.create({ seeds: 1 } as never), "seeds", "seed"],
  ])("%s names `%s`", async (owner, call, key, suggestion) => {
    const error = await rejection(call as () => unknown);
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe(`${owner}: unknown option \`${key}\``);
    if (suggestion !== undefined) expect(error.hint).toBe(`Did you mean \`${suggestion}\`?`);
    else expect(error.hint).toMatch(/^Valid options: `now`$/);
  });
});
