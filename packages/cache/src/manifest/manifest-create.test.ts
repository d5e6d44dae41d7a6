import { join } from "node:path";
import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { CacheManifest } from "./cache-manifest";

const rejection = (options: unknown) => {
  try {
    CacheManifest.create(options as never);
  } catch (error) {
    return error;
  }
  throw new Error("CacheManifest.create did not throw");
};

describe("CacheManifest.create", () => {
  it.each([
    ["dir", { runId: "r" }],
    ["dir", { dir: "", runId: "r" }],
    ["dir", { dir: 42, runId: "r" }],
    ["runId", { dir: "cache" }],
    ["runId", { dir: "cache", runId: "" }],
    ["runId", { dir: "cache", runId: null }],
  ])("needs a non-empty string `%s` (%j)", (key, options) => {
    const error = rejection(options);
    expect(isConfigError(error)).toBe(true);
    expect(error).toMatchObject({
      message: `CacheManifest.create needs \`${key}\``,
      hint: `Pass a non-empty string ${key}`,
      context: { option: key },
    });
  });

  it("defaults gitSha and configHash to null and the file to <dir>/manifest.json", () => {
    const manifest = CacheManifest.create({
      dir: "cache",
      runId: "run-7",
      now: () => new Date("2026-05-06T07:08:09.000Z"),
    });
    expect(manifest.path).toBe(join(process.cwd(), "cache", "manifest.json"));
    expect(manifest.dir).toBe(join(process.cwd(), "cache"));
    expect(manifest.toJSON()).toMatchObject({
      runId: "run-7",
      gitSha: null,
      configHash: null,
      createdAt: "2026-05-06T07:08:09.000Z",
      updatedAt: "2026-05-06T07:08:09.000Z",
      files: [],
    });
  });

  it("names the manifest file with `fileName`", () => {
    const manifest = CacheManifest.create({ dir: "/data/cache", runId: "r", fileName: "m.json" });
    expect(manifest.path).toBe("/data/cache/m.json");
  });

  it("stamps the current time without a clock", () => {
    const before = Date.now();
    const { createdAt } = CacheManifest.create({ dir: "/data/cache", runId: "r" }).toJSON();
    expect(Date.parse(createdAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(createdAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe("CacheManifest option types", () => {
  it.each([
    ["gitSha", 42, "number"],
    ["configHash", { sha: "x" }, "object"],
  ])("refuses a `%s` that is neither a string nor null", (key, value, received) => {
    const error = rejection({ dir: "cache", runId: "r", [key]: value });
    expect(isConfigError(error)).toBe(true);
    expect(error).toMatchObject({
      message: `CacheManifest.create needs \`${key}\` to be a string or null`,
      hint: `Pass ${key} as a string, or null when there is none`,
      context: { option: key, received },
    });
  });

  it.each([
    ["", ""],
    [null, null],
  ])("keeps a gitSha of %j and a configHash of %j as given", (gitSha, configHash) => {
    const data = CacheManifest.create({ dir: "c", runId: "r", gitSha, configHash }).toJSON();
    expect(data).toMatchObject({ gitSha, configHash });
  });

  it.each([[""], [7]])("refuses a schemaVersion of %j on addFile", async (schemaVersion) => {
    const manifest = CacheManifest.create({ dir: "cache-that-is-not-there", runId: "r" });
    const error: unknown = await manifest
      .addFile("a.bin", { schemaVersion } as never)
      .catch((e: unknown) => e);
    expect(isConfigError(error)).toBe(true);
    expect(error).toMatchObject({
      message: "CacheManifest.addFile needs `schemaVersion` to be a non-empty string",
      hint: 'Pass a label such as "v1", or leave `schemaVersion` out for "v1"',
      context: { option: "schemaVersion" },
    });
    expect(manifest.files).toEqual([]);
  });
});
