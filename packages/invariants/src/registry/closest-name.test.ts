import { describe, expect, it } from "vitest";
import { closestName } from "./closest-name";

const names = ["monotonic_time", "no_lookahead", "equity_identity", "cash_accounting"];

describe("closestName", () => {
  it.each([
    ["equity_identiy", "equity_identity"],
    ["no_lookahaed", "no_lookahead"],
    ["CASH_ACCOUNTING", "cash_accounting"],
    ["monotonic", "monotonic_time"],
  ])("suggests %s → %s", (input, expected) => {
    expect(closestName(input, names)).toBe(expected);
  });

  it("suggests nothing for a name far from every candidate", () => {
    expect(closestName("sharpe_ratio", names)).toBeUndefined();
    expect(closestName("x", [])).toBeUndefined();
  });

  it("completes a prefix of four characters or more, but not a shorter one", () => {
    expect(closestName("mono", names)).toBe("monotonic_time");
    expect(closestName("MONO", names)).toBe("monotonic_time");
    expect(closestName("mon", names)).toBeUndefined();
  });
});
