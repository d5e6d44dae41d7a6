import { describe, expect, it } from "vitest";
import { PeakTradeError } from "../peak-trade-error";

describe("the context an error keeps", () => {
  it("leaves out a key a Proxy lists but does not describe, as object spread does", () => {
    const ghost = new Proxy(
      { real: 1 },
      {
        ownKeys: () => ["real", "ghost"],
        getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(target, key),
      },
    );
    expect({ ...ghost }).toEqual({ real: 1 });
    expect(new PeakTradeError("m", { context: ghost }).context).toEqual({ real: 1 });
  });
});
