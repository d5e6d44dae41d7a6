import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after";

// Strictness of the HTTP-date form (RFC 9110: it opens with the weekday and is always GMT).

describe("parseRetryAfter strictness", () => {
  const now = Date.parse("2026-10-21T07:28:00Z");

  it("refuses a date that does not open with its weekday", () => {
    expect(parseRetryAfter("21 Oct 2026 07:28:30 GMT", now)).toBeUndefined();
    expect(parseRetryAfter("x Wed, 21 Oct 2026 07:28:30 GMT", now)).toBeUndefined();
  });

  it("reads the time as GMT whatever follows it", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:30 GMT+0100", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:30 gmt", now)).toBe(30_000);
  });
});
