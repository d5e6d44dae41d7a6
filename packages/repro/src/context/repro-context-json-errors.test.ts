import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { ReproContext } from "./repro-context";

const base = () => ReproContext.createSync({ seed: 3, gitSha: null }).toJSON();
const HINT = "Pass the output of ctx.toJSON() (or its JSON text) unchanged";

const caught = (input: unknown) => configRefusal(() => ReproContext.fromJSON(input));

const rejects = (patch: Record<string, unknown>, field: string, expected: string, got: string) => {
  const error = caught({ ...base(), ...patch });
  expect(error.message).toBe(`Invalid ReproContext JSON: \`${field}\` must be ${expected}`);
  expect(error.hint).toBe(HINT);
  expect(error.context).toEqual({ field, got });
};

describe("ReproContext.fromJSON errors", () => {
  it("names a root that is not an object, with its type", () => {
    expect(caught(42).message).toBe("Invalid ReproContext JSON: `(root)` must be an object");
    expect(caught("[1]").context).toEqual({ field: "(root)", got: "array" });
    expect(caught(null).context).toEqual({ field: "(root)", got: "null" });
  });

  it("says what each field must be", () => {
    rejects({ runId: "x" }, "runId", "a lower-case UUIDv7 string", "string");
    rejects({ gitSha: 42 }, "gitSha", "null or a hex commit SHA", "number");
    rejects({ configHash: "XYZ" }, "configHash", "a lower-case hex digest", "string");
    rejects({ arch: 1 }, "arch", "a string", "number");
    rejects({ nodeVersion: null }, "nodeVersion", "a string", "null");
    rejects({ createdAt: "yesterday" }, "createdAt", "an ISO 8601 date string", "string");
    const seedRule = 'a seed matching `seedType` ("integer" or "string")';
    rejects({ seed: "7", seedType: "float" }, "seed", seedRule, "string");
    rejects({ packages: "abc" }, "packages", "an object", "string");
    rejects({ packages: null }, "packages", "an object", "null");
    rejects({ packages: { "@peak/x": 2 } }, "packages.@peak/x", "a version string", "number");
  });

  it("rejects values that only look right once turned into text", () => {
    rejects({ gitSha: 12345 }, "gitSha", "null or a hex commit SHA", "number");
    rejects({ configHash: 1234567890123456 }, "configHash", "a lower-case hex digest", "number");
    rejects({ createdAt: 0 }, "createdAt", "an ISO 8601 date string", "number");
    rejects({ gitSha: "xyz" }, "gitSha", "null or a hex commit SHA", "string");
  });

  it("anchors the SHA and digest patterns at both ends", () => {
    for (const gitSha of ["zz3f2a9c41", "3f2a9c41zz"]) {
      rejects({ gitSha }, "gitSha", "null or a hex commit SHA", "string");
    }
    for (const configHash of ["zz0123456789abcdef", "0123456789abcdefzz"]) {
      rejects({ configHash }, "configHash", "a lower-case hex digest", "string");
    }
  });

  it("takes a decimal-string seed only as an integer seed made of digits", () => {
    const rule = 'a seed matching `seedType` ("integer" or "string")';
    rejects({ seed: {}, seedType: "integer" }, "seed", rule, "object");
    rejects({ seed: [12], seedType: "integer" }, "seed", rule, "array");
    rejects({ seed: "x12", seedType: "integer" }, "seed", rule, "string");
    rejects({ seed: "12x", seedType: "integer" }, "seed", rule, "string");
    expect(ReproContext.fromJSON({ ...base(), seed: "12", seedType: "integer" }).seed).toBe(12n);
    expect(ReproContext.fromJSON({ ...base(), seed: "12", seedType: "string" }).seed).toBe("12");
  });

  it("keeps a number seed a number", () => {
    expect(ReproContext.fromJSON(base()).seed).toBe(3);
  });

  it("explains text that does not parse, keeping the SyntaxError", () => {
    const error = caught("{");
    expect(error.message).toBe("Invalid ReproContext JSON: the text does not parse");
    expect(error.hint).toBe("Pass the output of JSON.stringify(ctx) unchanged");
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});
