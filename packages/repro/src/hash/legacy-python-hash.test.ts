import { describe, expect, it } from "vitest";
import { legacyPythonHash, legacyPythonStringify } from "./legacy-python-hash";

describe("legacyPythonHash", () => {
  // The cross-language vectors of the original implementation (reference note §5).
  it.each([
    [{}, {}, "{}", "44136fa355b3678a"],
    [
      { strategy: "ma_crossover", seed: 42 },
      {},
      '{"seed":42,"strategy":"ma_crossover"}',
      "d2df892c28a5d668",
    ],
    [
      { nested: { t: true, b: [3, { d: 1, c: 2 }], a: null } },
      {},
      '{"nested":{"a":null,"b":[3,{"c":2,"d":1}],"t":true}}',
      "adad21127fd52a69",
    ],
    [{ x: 0.1 }, {}, '{"x":0.1}', "2b018c1708c1cc2f"],
    [{ x: 1e21 }, {}, '{"x":1e+21}', "f4bcbb57bdf54b5b"],
    [{ x: 1 }, {}, '{"x":1}', "5041bf1f713df204"],
    [{ x: 1 }, { floatPaths: ["$.x"] }, '{"x":1.0}', "bf32f56236899e13"],
    [{ x: 1e16 }, {}, '{"x":1e+16}', "21d6bea42b17fd31"],
    [{ x: 1e-7 }, {}, '{"x":1e-07}', "c8b4301d31692cc5"],
    [{ x: 2.5e-5 }, {}, '{"x":2.5e-05}', "e57d99c355579358"],
    [{ x: -0 }, {}, '{"x":-0.0}', "529436936b90ebdf"],
    [{ name: "Zürich €" }, {}, '{"name":"Z\\u00fcrich \\u20ac"}', "4669e2913910db02"],
    [{ x: NaN }, {}, '{"x":NaN}', "c238cb6e9ac54074"],
    [{ x: Infinity }, {}, '{"x":Infinity}', "504a7fad8d7687a0"],
    [{ 2: "b", 1: "a" }, {}, '{"1":"a","2":"b"}', "a71fc868af5e004c"],
  ])("reproduces the original for %j", (value, options, text, hash) => {
    expect(legacyPythonStringify(value, options)).toBe(text);
    expect(legacyPythonHash(value, options)).toBe(hash);
  });

  it("returns 64 characters with short: false", () => {
    expect(legacyPythonHash({}, { short: false })).toBe(
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    );
  });

  it("sorts keys by code point and escapes astral characters as surrogate pairs", () => {
    expect(legacyPythonStringify({ "\ufb33": 1, "\ud83d\ude00": 2 })).toBe(
      '{"\\ufb33":1,"\\ud83d\\ude00":2}',
    );
  });

  it("applies [*] float paths to every array item and prints bigints exactly", () => {
    expect(legacyPythonStringify({ w: [1, 2], n: 2n ** 70n }, { floatPaths: ["$.w[*]"] })).toBe(
      '{"n":1180591620717411303424,"w":[1.0,2.0]}',
    );
  });

  it("rejects values Python's json module would reject, naming the path", () => {
    expect(() => legacyPythonStringify({ a: [new Date(0)] })).toThrow(
      expect.objectContaining({ code: "CONFIG", context: { path: "$.a[0]" } }),
    );
  });
});
