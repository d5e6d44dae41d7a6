import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { createJsonLogger } from "./json-logger";

describe("createJsonLogger levels and errors", () => {
  it("has one method per level, each writing its level", () => {
    const lines: string[] = [];
    const log = createJsonLogger((line) => lines.push(line), { now: () => 7 });
    log.debug("a");
    log.info("b");
    log.warn("c");
    log.error("d", { n: 1 });
    expect(Object.keys(log).sort()).toEqual(["debug", "error", "info", "warn"]);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { time: 7, level: "debug", msg: "a" },
      { time: 7, level: "info", msg: "b" },
      { time: 7, level: "warn", msg: "c" },
      { time: 7, level: "error", msg: "d", n: 1 },
    ]);
  });

  it("names the bad write and how to pass one", () => {
    expect(configRefusal(() => createJsonLogger("stderr" as never))).toMatchObject({
      message: "createJsonLogger(write) needs a function",
      hint: "Pass e.g. (line) => process.stderr.write(line)",
      context: { write: "string" },
    });
  });
});
