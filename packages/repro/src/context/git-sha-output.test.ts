import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { getGitSha, getGitShaSync } from "./git-sha";

const HEX40 = "3f2a9c41b7de3f2a9c41b7de3f2a9c41b7de3f2a";
const HEX64 = `${HEX40}0123456789abcdef01234567`;
let root: string;
let count = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "peak-repro-fake-git-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A PATH with a `git` that runs `body` (a shell script). */
const fakeGit = (body: string): NodeJS.ProcessEnv => {
  const dir = join(root, `bin-${count++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "git"), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, "git"), 0o755);
  return { PATH: `${dir}:/usr/bin:/bin` };
};
const printing = (text: string) => fakeGit(`printf '%s\\n' '${text}'`);

describe("getGitSha output checks", () => {
  it("takes a SHA-1 or a SHA-256 object name and nothing longer, shorter or padded", () => {
    expect(getGitShaSync({ cwd: root, env: printing(HEX64) })).toBe(HEX64);
    expect(getGitShaSync({ cwd: root, env: printing(HEX40) })).toBe(HEX40);
    for (const text of [`${HEX40}a`, `z${HEX40}`, `${HEX40}z`, `${HEX64}a`, HEX40.slice(1)]) {
      expect(getGitShaSync({ cwd: root, env: printing(text) })).toBeNull();
    }
  });

  it("cuts to 4 characters at the shortest", async () => {
    expect(await getGitSha({ cwd: root, env: printing(HEX40), short: 4 })).toBe("3f2a");
    expect(getGitShaSync({ cwd: root, env: printing(HEX64), short: 64 })).toBe(HEX64);
  });

  it("gives the sync git no stdin and drops its stderr", () => {
    // /dev/null is a character device; a pipe or socket is not.
    const env = fakeGit(`[ -c /dev/stdin ] && [ -c /dev/stderr ] || exit 3\necho ${HEX40}`);
    expect(getGitShaSync({ cwd: root, env })).toBe(HEX40);
  });
});

const invalid = (options: Parameters<typeof getGitShaSync>[0]) =>
  configRefusal(() => getGitShaSync(options));

describe("getGitSha option errors", () => {
  it.each([
    [{ short: 3 }, "short", "3", "Pass true (7 characters), false, or an integer from 4 to 64"],
    [{ short: 65 }, "short", "65", "Pass true (7 characters), false, or an integer from 4 to 64"],
    [{ cwd: "" }, "cwd", "", "Pass a folder path"],
    [{ cwd: 5 }, "cwd", "5", "Pass a folder path"],
    [{ timeoutMs: -1 }, "timeoutMs", "-1", "Pass a positive number of milliseconds, e.g. 1000"],
  ])("rejects %o naming the option, the value and a hint", (options, option, value, hint) => {
    const error = invalid(options as Parameters<typeof getGitShaSync>[0]);
    expect(error.message).toBe(`Invalid getGitSha option \`${option}\`: ${value}`);
    expect(error.hint).toBe(hint);
    expect(error.context).toEqual({ option, value });
  });
});
