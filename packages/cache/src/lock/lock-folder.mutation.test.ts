import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { inspectLock, prepareOwnerFolder, removeLegacyFile, removeOwner } from "./lock-folder";
import {
  holderIsDead,
  isPidAlive,
  newOwnerToken,
  nonceOf,
  ownerFileName,
  parseOwnerToken,
  type OwnerToken,
} from "./owner-token";

const tempDir = useTempDirs();
const NONCE = "0123456789abcdef";
const OTHER = "fedcba9876543210";
const token = (fields: Partial<OwnerToken> = {}): OwnerToken => ({
  pid: 4_000_000,
  host: hostname(),
  startMs: 1,
  createdMs: 5,
  nonce: NONCE,
  ...fields,
});

describe("owner tokens", () => {
  it("describes this process, at the given time, with a fresh 16-hex nonce", () => {
    const a = newOwnerToken(42);
    expect(a).toMatchObject({ pid: process.pid, host: hostname(), createdMs: 42 });
    expect(a.startMs).toBe(Math.round(performance.timeOrigin));
    expect(a.nonce).toMatch(/^[0-9a-f]{16}$/);
    expect(newOwnerToken(42).nonce).not.toBe(a.nonce);
    expect(nonceOf(ownerFileName(a))).toBe(a.nonce);
  });

  it("reads a nonce only from an exact owner file name", () => {
    expect(ownerFileName({ nonce: NONCE })).toBe(`owner-${NONCE}`);
    expect(nonceOf(`owner-${NONCE}`)).toBe(NONCE);
    for (const name of [
      `xowner-${NONCE}`,
      `owner-${NONCE}x`,
      `owner-${NONCE.slice(1)}`,
      `owner-${NONCE.toUpperCase()}`,
      `owner-${NONCE.slice(1)}g`,
      NONCE,
    ]) {
      expect(nonceOf(name), name).toBeUndefined();
    }
  });

  it("parses tokens, filling what older versions left out, and refuses anything else", () => {
    const full = token();
    expect(parseOwnerToken(JSON.stringify(full))).toEqual(full);
    expect(parseOwnerToken(JSON.stringify({ pid: 7, host: "h", createdMs: 3 }))).toEqual({
      pid: 7,
      host: "h",
      createdMs: 3,
      startMs: -1,
      nonce: "",
    });
    for (const text of [
      "not json",
      '{"host":"h","createdMs":3}',
      '{"pid":"7","host":"h","createdMs":3}',
      '{"pid":1e999,"host":"h","createdMs":3}',
      '{"pid":7,"host":"h","createdMs":3,"startMs":"1"}',
      '{"pid":7,"host":"h"}',
      '{"pid":7,"host":1,"createdMs":3}',
      '{"pid":7,"host":"h","createdMs":3,"nonce":5}',
    ]) {
      expect(parseOwnerToken(text), text).toBeUndefined();
    }
  });

  it("knows which pids run here", () => {
    expect(isPidAlive(process.pid)).toBe(true);
    expect(isPidAlive(4_000_000)).toBe(false);
  });
});

describe("holderIsDead", () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });

  it("never calls a holder on another host dead", () => {
    expect(holderIsDead(token({ host: `${hostname()}-other` }), () => false)).toBe(false);
  });

  it("tells this process from an earlier one with its pid, whatever isAlive says", () => {
    const own = newOwnerToken(0);
    expect(holderIsDead(own, () => false)).toBe(false);
    expect(holderIsDead({ ...own, startMs: own.startMs + 1 }, () => true)).toBe(true);
  });

  it("asks isAlive when given, else the process table", () => {
    expect(holderIsDead(token(), () => true)).toBe(false);
    expect(holderIsDead(token(), () => false)).toBe(true);
    expect(holderIsDead(token(), undefined)).toBe(true);
  });

  it("calls a running pid dead when it started at another time than the token says", async () => {
    const startMs = Date.now();
    const child = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(child);
    await new Promise((resolve) => child.once("spawn", resolve));
    const pid = child.pid as number;
    expect(holderIsDead(token({ pid, startMs }), undefined)).toBe(false);
    expect(holderIsDead(token({ pid, startMs: startMs - 60_000 }), undefined)).toBe(true);
    expect(holderIsDead(token({ pid, startMs: startMs + 60_000 }), undefined)).toBe(true);
  });

  it("keeps a live holder alive by its boot-relative start when the wall clock was stepped", async () => {
    const child = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(child);
    await new Promise((resolve) => child.once("spawn", resolve));
    const pid = child.pid as number;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const startTicks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    // The token's startMs an hour off, as after a clock step: the ticks still match.
    const stepped = Date.now() - 3_600_000;
    expect(holderIsDead(token({ pid, startMs: stepped, startTicks }), undefined)).toBe(false);
    expect(
      holderIsDead(token({ pid, startMs: stepped, startTicks: startTicks + 1 }), undefined),
    ).toBe(true);
    expect(newOwnerToken(0).startTicks).toBeGreaterThan(0);
    expect(
      parseOwnerToken('{"pid":7,"host":"h","createdMs":3,"startMs":1,"startTicks":"9"}'),
    ).toBeUndefined();
  });
});

describe("the lock folder", () => {
  const lockIn = async () => join(await tempDir(), ".x.peaklock");

  it("prepares a private folder beside the lock holding only the token", async () => {
    const lock = await lockIn();
    const folder = await prepareOwnerFolder(lock, token());
    expect(folder.startsWith(join(lock, "..", "..x.peaklock.peaktmp-"))).toBe(true);
    expect(await readdir(folder)).toEqual([`owner-${NONCE}`]);
  });

  it("reads a lock as free, held, unreadable or a legacy file", async () => {
    const lock = await lockIn();
    expect(await inspectLock(lock)).toEqual({ kind: "free" });
    await mkdir(lock);
    expect(await inspectLock(lock)).toEqual({ kind: "free" });
    expect(await readdir(join(lock, ".."))).toEqual([]); // an empty folder is removed
    await mkdir(lock);
    await writeFile(join(lock, `owner-${NONCE}`), JSON.stringify(token({ nonce: OTHER })));
    expect(await inspectLock(lock)).toStrictEqual({ kind: "unreadable", nonce: NONCE });
    const text = JSON.stringify(token());
    await writeFile(join(lock, `owner-${NONCE}`), text);
    expect(await inspectLock(lock)).toStrictEqual({ kind: "held", token: token(), text });
    await writeFile(join(lock, "foreign"), "");
    expect((await inspectLock(lock)).kind).toBe("held"); // the owner file decides
  });

  it("reads a legacy lock file with or without a token", async () => {
    const lock = await lockIn();
    await writeFile(lock, "garbage");
    expect(await inspectLock(lock)).toStrictEqual({ kind: "legacy-file", text: "garbage" });
    const text = JSON.stringify(token());
    await writeFile(lock, text);
    expect(await inspectLock(lock)).toStrictEqual({ kind: "legacy-file", text, token: token() });
    expect(await removeOwner(lock, NONCE)).toBe(false); // not a folder: nothing of ours
    await removeLegacyFile(lock);
    await removeLegacyFile(lock); // already gone: fine
    expect(await inspectLock(lock)).toEqual({ kind: "free" });
  });

  it("removes only its own owner file, and the folder once it is empty", async () => {
    const lock = await lockIn();
    await mkdir(lock);
    await writeFile(join(lock, `owner-${NONCE}`), "");
    await writeFile(join(lock, "foreign"), "");
    expect(await removeOwner(lock, OTHER)).toBe(false);
    expect(await removeOwner(lock, NONCE)).toBe(true);
    expect(await readdir(lock)).toEqual(["foreign"]);
    await removeLegacyFile(lock); // a folder is not a legacy file: left alone
    expect(await readdir(lock)).toEqual(["foreign"]);
  });
});
