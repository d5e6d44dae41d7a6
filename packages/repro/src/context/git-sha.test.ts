import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGitSha, getGitShaSync } from "./git-sha";

let root: string;
let repo: string;
let sha: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined },
  }).trim();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "peak-repro-git-"));
  repo = join(root, "repo");
  mkdirSync(repo);
  git(repo, "init", "-q");
  writeFileSync(join(repo, "a.txt"), "a\n");
  git(repo, "add", "a.txt");
  git(repo, "commit", "-q", "-m", "first");
  sha = git(repo, "rev-parse", "HEAD");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

// Stop git from walking up past the temp folder into some enclosing repository.
const isolated = () => ({ ...process.env, GIT_CEILING_DIRECTORIES: root });

describe("getGitSha", () => {
  it("returns the full SHA of HEAD in a real repository", async () => {
    expect(await getGitSha({ cwd: repo, timeoutMs: 10_000 })).toBe(sha);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it("returns exactly 7 characters with short: true and n with short: n", async () => {
    expect(await getGitSha({ cwd: repo, short: true, timeoutMs: 10_000 })).toBe(sha.slice(0, 7));
    expect(await getGitSha({ cwd: repo, short: 12, timeoutMs: 10_000 })).toBe(sha.slice(0, 12));
  });

  it("returns null in a folder that is no repository", async () => {
    const plain = mkdtempSync(join(root, "plain-"));
    expect(await getGitSha({ cwd: plain, env: isolated() })).toBeNull();
  });

  it("returns null in a repository without commits", async () => {
    const empty = join(root, "empty");
    mkdirSync(empty);
    git(empty, "init", "-q");
    expect(await getGitSha({ cwd: empty, timeoutMs: 10_000 })).toBeNull();
  });

  it("returns null when git is not on the PATH", async () => {
    const noGit = mkdtempSync(join(root, "bin-"));
    expect(await getGitSha({ cwd: repo, env: { PATH: noGit } })).toBeNull();
  });

  it("returns null for a missing folder", async () => {
    expect(await getGitSha({ cwd: join(root, "missing") })).toBeNull();
  });

  it("kills a hanging git at the time limit and returns null", async () => {
    const bin = mkdtempSync(join(root, "slow-"));
    writeFileSync(join(bin, "git"), "#!/bin/sh\nexec sleep 30\n");
    chmodSync(join(bin, "git"), 0o755);
    expect(await getGitSha({ cwd: repo, env: { PATH: bin }, timeoutMs: 100 })).toBeNull();
  });

  it("rejects invalid options with a ConfigError", async () => {
    await expect(getGitSha({ short: 2 })).rejects.toMatchObject({ code: "CONFIG" });
    await expect(getGitSha({ timeoutMs: 0 })).rejects.toMatchObject({ code: "CONFIG" });
  });
});

describe("getGitShaSync", () => {
  it("agrees with getGitSha", () => {
    expect(getGitShaSync({ cwd: repo, short: 10, timeoutMs: 10_000 })).toBe(sha.slice(0, 10));
    expect(getGitShaSync({ cwd: mkdtempSync(join(root, "p-")), env: isolated() })).toBeNull();
    expect(getGitShaSync({ cwd: repo, env: { PATH: join(root, "none") } })).toBeNull();
  });
});
