import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { resolveWriteOptions, type AtomicWriteOptions } from "./write-options";

const rejection = (options: unknown) => {
  let error: unknown;
  try {
    resolveWriteOptions(options as AtomicWriteOptions);
  } catch (e) {
    error = e;
  }
  expect(isConfigError(error)).toBe(true);
  return error as { message: string; hint?: string; context: Record<string, unknown> };
};

describe("resolveWriteOptions", () => {
  it("fills the documented defaults", () => {
    expect(resolveWriteOptions({})).toEqual({
      algorithm: undefined,
      format: "auto",
      timestampColumns: ["timestamp"],
      compression: "snappy",
      mode: 0o666,
    });
  });

  it("passes every given option through", () => {
    const options = {
      format: "arrow",
      timestampColumns: ["t", "u"],
      compression: "zstd",
      mode: 0o600,
    } as const;
    expect(resolveWriteOptions(options)).toEqual({ algorithm: undefined, ...options });
  });

  it.each([
    [true, "sha256"],
    [false, undefined],
    ["sha256", "sha256"],
    ["blake3", "blake3"],
    ["xxh3", "xxh3"],
  ] as const)("maps checksum %j to algorithm %j", (checksum, algorithm) => {
    expect(resolveWriteOptions({ checksum }).algorithm).toBe(algorithm);
  });

  it("rejects an unknown checksum algorithm, naming the supported ones", () => {
    const error = rejection({ checksum: "md5" });
    expect(error.message).toBe('Invalid atomicWrite option `checksum`: "md5"');
    expect(error.hint).toBe("Use true, false or one of sha256, blake3, xxh3");
    expect(error.context).toEqual({ option: "checksum", value: "md5" });
  });

  it.each([0, 0o644, 0o7777])("accepts mode %o", (mode) => {
    expect(resolveWriteOptions({ mode }).mode).toBe(mode);
  });

  it.each([-1, 0o10000, 1.5, Number.NaN])("rejects mode %d", (mode) => {
    const error = rejection({ mode });
    expect(error.message).toBe(`Invalid atomicWrite option \`mode\`: ${JSON.stringify(mode)}`);
    expect(error.hint).toBe("Use permission bits such as 0o644");
    expect(error.context).toEqual({ option: "mode", value: mode });
  });

  it.each(["snappy", "zstd", "uncompressed"] as const)("accepts compression %s", (compression) => {
    expect(resolveWriteOptions({ compression }).compression).toBe(compression);
  });

  it("rejects another compression, listing the three", () => {
    const error = rejection({ compression: "gzip" });
    expect(error.message).toBe('Invalid atomicWrite option `compression`: "gzip"');
    expect(error.hint).toBe('Use "snappy", "zstd" or "uncompressed"');
    expect(error.context).toEqual({ option: "compression", value: "gzip" });
  });

  it("accepts an empty timestampColumns list", () => {
    expect(resolveWriteOptions({ timestampColumns: [] }).timestampColumns).toEqual([]);
  });

  it.each([["timestamp"], [["timestamp", 3]]])("rejects timestampColumns %j", (value) => {
    const error = rejection({ timestampColumns: value });
    expect(error.message).toBe(
      `Invalid atomicWrite option \`timestampColumns\`: ${JSON.stringify(value)}`,
    );
    expect(error.hint).toBe("Use an array of column names");
    expect(error.context).toEqual({ option: "timestampColumns", value });
  });

  it.each(["checksum", "format", "timestampColumns", "compression", "mode", "lock", "fileSystem"])(
    "knows the option %s",
    (key) => {
      const valid: Record<string, unknown> = {
        checksum: true,
        format: "bytes",
        timestampColumns: [],
        compression: "zstd",
        mode: 0o600,
        lock: { timeoutMs: 5 },
        fileSystem: {},
      };
      expect(() => resolveWriteOptions({ [key]: valid[key] })).not.toThrow();
    },
  );

  it("checks the keys of the lock options", () => {
    const error = rejection({ lock: { staleMS: 1 } });
    expect(error.message).toBe("Unknown atomicWrite lock option `staleMS`");
    expect(error.hint).toBe("Did you mean `staleMs`?");
  });
});
