import { describe, expect, it } from "vitest";
import { isTransientError } from "./is-transient-error";

// Every transient socket/DNS/undici code is recognised, on the error and on its `cause`, and
// values that are not errors, or errors shaped oddly, are answered without throwing.
const CODES = [
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
];

describe("isTransientError on error shapes", () => {
  it.each(CODES)("is true for code %s, on the error and on its cause", (code) => {
    expect(isTransientError(Object.assign(new Error("failed"), { code }))).toBe(true);
    expect(isTransientError(new Error("wrapped", { cause: { code } }))).toBe(true);
    expect(isTransientError({ code })).toBe(true);
  });

  it("is false for a code that is not transient and for an empty code", () => {
    expect(isTransientError(Object.assign(new Error("failed"), { code: "ENOENT" }))).toBe(false);
    expect(isTransientError(Object.assign(new Error("failed"), { code: "" }))).toBe(false);
  });

  it("is false for a numeric statusCode outside the transient set", () => {
    for (const statusCode of [200, 400, 404, 501]) {
      expect(isTransientError(Object.assign(new Error("failed"), { statusCode }))).toBe(false);
      expect(isTransientError({ statusCode })).toBe(false);
    }
  });

  it("is false for values that are not objects, null and undefined included", () => {
    for (const value of [null, undefined, "ECONNRESET", 503, true]) {
      expect(isTransientError(value)).toBe(false);
    }
  });

  it("is false for plain objects and objects without a prototype or constructor", () => {
    expect(isTransientError({ code: "EFOO", status: 404 })).toBe(false);
    expect(isTransientError(Object.create(null))).toBe(false);
    expect(isTransientError(Object.create(Object.create(null)))).toBe(false);
    const noName = Object.create({ constructor: {} }) as object;
    expect(isTransientError(noName)).toBe(false);
  });

  it("is false for a null or non-object cause", () => {
    expect(isTransientError(new Error("wrapped", { cause: null }))).toBe(false);
    expect(isTransientError(new Error("wrapped", { cause: "ECONNRESET" }))).toBe(false);
    expect(isTransientError({ cause: null })).toBe(false);
  });
});
