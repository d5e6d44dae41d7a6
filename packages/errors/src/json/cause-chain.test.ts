import { describe, expect, it } from "vitest";
import { PeakTradeError } from "../peak-trade-error";
import { MAX_CAUSES } from "./serialise-cause";

// Stack traces are not what is under test; one frame each keeps building 100,000 errors cheap.
const withShortStacks = <T>(build: () => T): T => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
};

const chain = (length: number): PeakTradeError =>
  withShortStacks(() => {
    let error = new PeakTradeError("root");
    for (let i = 1; i < length; i++) error = new PeakTradeError(`level ${i}`, { cause: error });
    return error;
  });

// Follows `cause` while it is an object: how many links, the last one, and what ends the chain.
const depthOf = (json: unknown): { links: number; last: unknown; end: unknown } => {
  let links = 0;
  let node = json as { cause?: unknown };
  while (typeof node.cause === "object" && node.cause !== null) {
    node = node.cause as { cause?: unknown };
    links++;
  }
  return { links, last: node, end: node.cause };
};

describe("cause chains", () => {
  it("serialises a 100,000-long cause chain without overflowing the stack", () => {
    const error = chain(100_000);
    const json = error.toJSON();
    const { links, end } = depthOf(json);
    expect(links).toBeLessThanOrEqual(MAX_CAUSES);
    expect(end).toBe("[Truncated]");
    expect(JSON.stringify(json).length).toBeLessThanOrEqual(64 * 1024);
    expect(error.toString()).toContain("Caused by: PeakTradeError: level 99998");
  });

  it("serialises a 100,000-long chain of plain Errors", () => {
    const error = withShortStacks(() => {
      let link: Error = new Error("root");
      for (let i = 1; i < 100_000; i++) link = new Error(`level ${i}`, { cause: link });
      return link;
    });
    const json = new PeakTradeError("top", { cause: error }).toJSON();
    expect(depthOf(json).end).toBe("[Truncated]");
  });

  it("keeps a short chain whole", () => {
    const { links, last, end } = depthOf(chain(5).toJSON());
    expect(links).toBe(4);
    expect(last).toMatchObject({ message: "root" });
    expect(end).toBeUndefined();
  });
});
