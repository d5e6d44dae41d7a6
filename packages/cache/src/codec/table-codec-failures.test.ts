// encodeTable and decodeTable when a step inside them throws (made to, through module mocks): a
// ConfigError passes through unchanged, anything else is wrapped with its reason escaped and cut
// to 300 characters.
import * as aq from "arquero";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CacheCorruptionError, ConfigError } from "@peak/errors";
import { tableFromArrays, tableToIPC } from "@uwdata/flechette";
import { failure } from "../read/__fixtures__/outcome";
import { decodeTable, encodeTable } from "./table-codec";

/** What the mocked steps throw; nothing while undefined. */
const thrown = vi.hoisted(() => ({ error: undefined as Error | undefined }));
const throwIfSet = () => {
  if (thrown.error !== undefined) throw thrown.error;
};

vi.mock(import("./pandas-metadata"), async (original) => {
  const actual = await original();
  return { pandasMetadata: (...args) => (throwIfSet(), actual.pandasMetadata(...args)) };
});
vi.mock(import("./arrow-table"), async (original) => {
  const actual = await original();
  return { arrowToTable: (...args) => (throwIfSet(), actual.arrowToTable(...args)) };
});

afterEach(() => {
  thrown.error = undefined;
});

// Strings go the general way (arquero → Arrow → parquet-wasm), where pandas metadata is made.
const table = aq.table({ name: ["a"] });
const options = { format: "parquet", timestampColumns: [], compression: "snappy" } as const;
const arrow = tableToIPC(tableFromArrays({ close: [1.5] }), { format: "file" })!;
/** A message of 400 characters that starts with a bell. */
const LONG = `\u0007${"x".repeat(399)}`;
const cut = `Error: \\u0007${"x".repeat(399)}`.slice(0, 300);

describe("encodeTable when a step fails", () => {
  it("passes a ConfigError through unchanged", async () => {
    const config = new ConfigError("from inside", { hint: "h", context: { where: "mock" } });
    thrown.error = config;
    expect(await failure(encodeTable(table, "a.parquet", options))).toBe(config);
  });

  it("wraps any other error, its reason escaped and cut to 300 characters", async () => {
    const inner = new Error(LONG);
    thrown.error = inner;
    const error = await failure(encodeTable(table, "a.parquet", options));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.context).toEqual({ path: "a.parquet", format: "parquet", reason: cut });
    expect(error.cause).toBe(inner);
  });
});

describe("decodeTable when a step fails", () => {
  it("wraps the error in a CacheCorruptionError, its reason escaped and cut to 300 characters", async () => {
    const inner = new Error(LONG);
    thrown.error = inner;
    const error = await failure(decodeTable(arrow, "a.arrow", "arrow", "number"));
    expect(error).toBeInstanceOf(CacheCorruptionError);
    expect(error.context).toEqual({ path: "a.arrow", format: "arrow", reason: cut });
    expect(error.cause).toBe(inner);
  });

  it("reads the same bytes once nothing throws", async () => {
    expect((await decodeTable(arrow, "a.arrow", "arrow", "number")).array("close")).toEqual([1.5]);
    expect((await encodeTable(table, "a.parquet", options)).length).toBeGreaterThan(0);
  });
});
