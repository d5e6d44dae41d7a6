import { describe, expect, it } from "vitest";
import { legacyUnlinkSkipped, renameFoundLock, rmdirLostRace } from "./lock-errno";

const PLATFORMS: readonly NodeJS.Platform[] = ["linux", "darwin", "freebsd", "win32"];
// Codes none of the three functions skips, on any platform.
const REAL_FAILURES = ["EACCES", "EROFS", "ENOSPC", "EIO", "EBUSY", "ELOOP", "", undefined];

describe("renameFoundLock", () => {
  it("reads ENOTEMPTY, EEXIST and ENOTDIR as a held lock on every platform", () => {
    for (const platform of PLATFORMS) {
      for (const code of ["ENOTEMPTY", "EEXIST", "ENOTDIR"]) {
        expect(renameFoundLock(code, platform), `${code} on ${platform}`).toBe(true);
      }
    }
  });

  it("reads EPERM and EACCES as a held lock on Windows only", () => {
    for (const code of ["EPERM", "EACCES"]) {
      expect(renameFoundLock(code, "win32"), code).toBe(true);
      for (const platform of PLATFORMS.filter((p) => p !== "win32")) {
        expect(renameFoundLock(code, platform), `${code} on ${platform}`).toBe(false);
      }
    }
  });

  it("reads every other code as a real failure, on every platform", () => {
    for (const platform of PLATFORMS) {
      for (const code of [...REAL_FAILURES.filter((c) => c !== "EACCES"), "ENOENT", "EISDIR"]) {
        expect(renameFoundLock(code, platform), `${code} on ${platform}`).toBe(false);
      }
    }
  });
});

describe("rmdirLostRace", () => {
  it("skips a folder already gone or holding a new owner", () => {
    for (const code of ["ENOENT", "ENOTEMPTY", "EEXIST"])
      expect(rmdirLostRace(code), code).toBe(true);
  });

  it("reports every other failure", () => {
    for (const code of [...REAL_FAILURES, "EPERM", "ENOTDIR", "EISDIR"]) {
      expect(rmdirLostRace(code), String(code)).toBe(false);
    }
  });
});

describe("legacyUnlinkSkipped", () => {
  it("skips a legacy file already gone or a folder in its place (Linux EISDIR, macOS EPERM)", () => {
    for (const code of ["ENOENT", "EISDIR", "EPERM"]) {
      expect(legacyUnlinkSkipped(code), code).toBe(true);
    }
  });

  it("reports every other failure", () => {
    for (const code of [...REAL_FAILURES, "ENOTEMPTY", "EEXIST", "ENOTDIR"]) {
      expect(legacyUnlinkSkipped(code), String(code)).toBe(false);
    }
  });
});
