import { Writable } from "node:stream";
import { pino } from "pino";
import { beforeEach, describe, expect, it } from "vitest";
import { createJsonLogger } from "./json-logger";
import { createTraceId, pinoMixin, runLogFields } from "./log-fields";
import { ReproContext } from "../context/repro-context";
import { currentRun, currentTraceId, withRun, withTrace } from "./run-scope";

// Made before each test, not at import: code run at import counts for no test, so Stryker would
// have to run every test for each mutant it reaches (seed, RNG and config-hash code).
let ctx: ReproContext;
beforeEach(() => {
  ctx = ReproContext.createSync({ seed: 1, gitSha: null });
});

describe("withRun and withTrace", () => {
  it("expose the run and trace across awaits and callbacks", async () => {
    const seen = await withRun(ctx, () =>
      withTrace("t-1", async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        return new Promise<[string | undefined, string | undefined]>((resolve) => {
          queueMicrotask(() => resolve([currentRun()?.runId, currentTraceId()]));
        });
      }),
    );
    expect(seen).toEqual([ctx.runId, "t-1"]);
  });

  it("are empty outside any scope and keep the outer run in a nested trace", () => {
    expect([currentRun(), currentTraceId()]).toEqual([undefined, undefined]);
    withRun(ctx, () => {
      withTrace("outer", () => {
        withTrace("inner", () =>
          expect(runLogFields()).toEqual({ runId: ctx.runId, traceId: "inner" }),
        );
        expect(currentTraceId()).toBe("outer");
      });
    });
    expect(runLogFields()).toEqual({});
  });

  it("keep concurrent runs apart", async () => {
    const other = ReproContext.createSync({ seed: 2, gitSha: null });
    const read = (c: ReproContext) =>
      withRun(c, async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        return currentRun()?.runId;
      });
    expect(await Promise.all([read(ctx), read(other)])).toEqual([ctx.runId, other.runId]);
  });

  it("rejects an empty trace id", () => {
    expect(() => withTrace("", () => 1)).toThrow(expect.objectContaining({ code: "CONFIG" }));
  });

  it("creates 32-hex trace ids", () => {
    expect(createTraceId()).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("pinoMixin", () => {
  it("adds runId and traceId to every line a real pino logger writes", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    });
    const logger = pino({ mixin: pinoMixin }, sink);
    logger.info("outside");
    withRun(ctx, () => {
      logger.info("in run");
      withTrace("abc", () => logger.warn({ rows: 3 }, "traced"));
    });
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed.map((p) => [p.msg, p.runId, p.traceId])).toEqual([
      ["outside", undefined, undefined],
      ["in run", ctx.runId, undefined],
      ["traced", ctx.runId, "abc"],
    ]);
    expect(parsed[2].rows).toBe(3);
  });
});

describe("createJsonLogger", () => {
  it("writes one JSON line per call with run fields and safe field values", () => {
    const lines: string[] = [];
    const log = createJsonLogger((line) => lines.push(line), { now: () => 5 });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    withRun(ctx, () => withTrace("t", () => log.error("failed", { big: 1n, cyclic })));
    log.info("plain");
    expect(lines.every((line) => line.endsWith("\n"))).toBe(true);
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      time: 5,
      level: "error",
      msg: "failed",
      runId: ctx.runId,
      traceId: "t",
    });
    expect(second).toEqual({ time: 5, level: "info", msg: "plain" });
  });

  it("rejects a write that is not a function", () => {
    expect(() => createJsonLogger("stderr" as never)).toThrow(
      expect.objectContaining({ code: "CONFIG" }),
    );
  });
});
