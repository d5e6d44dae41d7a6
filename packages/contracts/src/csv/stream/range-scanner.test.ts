import { describe, expect, it } from "vitest";
import { RangeScanner, ROLE } from "./range-scanner";
import { COMMA, expected, firstBar, ROLES, ROWS, same, scan } from "./__fixtures__/scan-text";

describe("RangeScanner", () => {
  it("reads the values the plain parsers read, one piece or cut anywhere", () => {
    const good = ROWS.filter((r) => r[1] !== "1e0");
    const text = good.map((r) => r.join(",")).join("\n") + "\n";
    const want = expected(good);
    const whole = scan(text);
    expect(whole.scanner.bailed).toBe(false);
    same(whole.scanner.state, want);
    for (let cut = 1; cut < text.length; cut++) {
      const { scanner, left } = scan(text, [cut, cut + 7]);
      expect([cut, scanner.bailed, left]).toEqual([cut, false, 0]);
      same(scanner.state, want);
    }
  });

  it("takes \\r\\n line ends, blank lines and a last line without a line break", () => {
    const rows = [ROWS[0]!, ROWS[1]!, ROWS[3]!];
    const [a, b, c] = rows.map((r) => r.join(","));
    for (const text of [
      `${a}\r\n${b}\r\n${c}`,
      `\n${a}\n\r\n${b}\n\n${c}\r\n`,
      `${a}\n${b}\n${c}\n`,
    ]) {
      for (let cut = 0; cut < text.length; cut++) {
        const { scanner } = scan(text, [cut]);
        expect([JSON.stringify(text), cut, scanner.bailed]).toEqual([
          JSON.stringify(text),
          cut,
          false,
        ]);
        same(scanner.state, expected(rows));
      }
    }
  });

  // The rule of the text and byte readers: at most maxLineBytes + 1 bytes before the \n, a \r
  // among them.
  it("reads numbers of 16 digits or more as the byte reader reads them (pandas writes 17)", () => {
    const rows = [
      ["2024-01-02T03:04:05.678Z", "127.77", "128.01999999999998", "127.52", "127.77", "1"],
      [
        "2024-01-02T03:05:05.678Z",
        "0.30000000000000004",
        "0.30000000000000004",
        "0.1",
        "0.2",
        "1234567890123456789",
      ],
      [
        "2024-01-02T03:06:05.678Z",
        "1",
        "1.0000000000000002",
        "0.99999999999999989",
        "1",
        "0.000000000000000001",
      ],
    ];
    const text = rows.map((r) => r.join(",")).join("\n");
    for (const cut of [0, 40, 50, 77, 100]) {
      const { scanner } = scan(text, [cut]);
      expect(scanner.bailed).toBe(false);
      same(scanner.state, expected(rows));
    }
    expect(firstBar(text)).toEqual([127.77, 128.01999999999998, 127.52, 127.77, 1]);
  });

  it("reads a timestamp in any column, ended by a separator or a line break", () => {
    const roles = Uint8Array.of(
      ROLE.open,
      ROLE.high,
      ROLE.low,
      ROLE.close,
      ROLE.volume,
      ROLE.timestamp,
    );
    const text = "10,11,9,10,1,2024-01-02T03:04:05Z\r\n10,11,9,10,2,2024-01-02T03:05:05Z\n";
    const { scanner } = scan(text, [], roles);
    expect(scanner.bailed).toBe(false);
    expect(Array.from(scanner.state.last())).toEqual([
      Date.parse("2024-01-02T03:05:05Z"),
      10,
      11,
      9,
      10,
      2,
    ]);
  });

  it("leaves an unfinished last line for the next piece", () => {
    const twenty = "2024-01-02T03:04:05Z,10,11,9,10,1\n2024-01-02T03:05:05Z,10,11,9,10,1\n\0";
    const whole = Buffer.from(twenty, "latin1");
    expect(
      new RangeScanner(ROLES, COMMA, Infinity, 1_000).scan(whole, 0, whole.length - 1, false),
    ).toBe(whole.length - 1);
    const line = ROWS[0]!.join(",");
    const scanner = new RangeScanner(ROLES, COMMA, Infinity, 1_000);
    const bytes = Buffer.from(`${line}\n${line.slice(0, 30)}\0`, "latin1");
    expect(scanner.scan(bytes, 0, bytes.length - 1, false)).toBe(line.length + 1);
    expect(scanner.state.rows).toBe(1);
    const cr = Buffer.from(`${line}\r\0`, "latin1");
    expect(new RangeScanner(ROLES, COMMA, Infinity, 1_000).scan(cr, 0, cr.length - 1, false)).toBe(
      0,
    );
    expect(new RangeScanner(ROLES, COMMA, Infinity, 1_000).scan(cr, 0, cr.length - 1, true)).toBe(
      cr.length - 1,
    );
  });
});
