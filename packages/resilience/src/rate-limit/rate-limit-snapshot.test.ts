import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "./rate-limit-snapshot";

const withKeys = (keys: unknown) => ({ version: 1, keys });

describe("readSnapshot", () => {
  it("returns each key's entries oldest first", () => {
    const read = readSnapshot(
      "s",
      withKeys({
        a: [
          [5, 1],
          [2, 3],
        ],
        b: [],
      }),
    );
    expect([...read]).toEqual([
      [
        "a",
        [
          [2, 3],
          [5, 1],
        ],
      ],
      ["b", []],
    ]);
  });

  it.each([
    ["no snapshot", undefined],
    ["a string", "v1"],
    ["null keys", withKeys(null)],
    ["keys as a string", withKeys("a")],
    ["a key that is not a list", withKeys({ a: [[1, 1]], b: "x" })],
    [
      "one bad entry among good ones",
      withKeys({
        a: [
          [1, 1],
          [2, -1],
        ],
      }),
    ],
    ["an entry that is not an array", withKeys({ a: [{ 0: 1, 1: 1, length: 2 }] })],
    ["an entry of three numbers", withKeys({ a: [[1, 1, 1]] })],
    ["an infinite time", withKeys({ a: [[Infinity, 1]] })],
    ["a time as a string", withKeys({ a: [["1", 1]] })],
    ["a weight as a string", withKeys({ a: [[1, "2"]] })],
    ["a weight of 0", withKeys({ a: [[1, 0]] })],
  ])("refuses %s with a ConfigError naming the limiter", (_, value) => {
    let error: unknown;
    try {
      readSnapshot("okx", value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      message: 'Rate limiter "okx" cannot restore a malformed snapshot',
      hint: "Pass the object returned by a rate limiter's toJSON() (version 1)",
      context: { limiter: "okx", option: "snapshot" },
    });
  });
});
