import { describe, expect, it } from "vitest";
import { RangeScanner, ROLE } from "./range-scanner";
import { COMMA, ROLES, ROWS, scan } from "./__fixtures__/scan-text";

describe("RangeScanner: giving up", () => {
  it("gives up on anything the byte reader would read as text or the check would report", () => {
    const a = ROWS[0]!.join(",");
    const bad = [
      `${a}\r${a}`,
      `${a}\n\r${a}`,
      "2024-01-02T03:04:05.678,10,11,9,10,1",
      "1704164645678,10,11,9,10,1",
      '"2024-01-02T03:04:05.678Z",10,11,9,10,1',
      "2024-01-02T03:04:05.678Z,1e0,11,9,10,1",
      "2024-01-02T03:04:05.678Z, 10,11,9,10,1",
      "2024-01-02T03:04:05.678Z,10,11,9,10,1,7",
      "2024-01-02T03:04:05.678Z,10,11,9,10",
      "2024-01-02T03:04:05.678Z,10,11,9,10,",
      "2024-01-02T03:04:05.678Z,.,11,9,10,1",
      "2024-01-02T03:04:05.678Z,10,11,9,10,1.00000000000000000.5",
      "2024-01-02T03:04:05.678Z,10,11,9,12,1",
      "2024-01-02T03:04:05.678Z,10,11,9,10,-1",
      "2024-01-02T03:04:05.678Z,10,11,9,10,-1234567890123456789",
      "2024-01-02T03:04:05.678Z,10a,11,9,10,1",
      "2024-01-02T03:04:05.678Z,10,11,9,10,1.5x",
      "2024-01-02T03:04:05.678Z,10,11,9,10,.",
      "2024-01-02T03:04:05.678Z,10;11,9,10,1",
      "2024-01-02T03:04:05,100Z,11,9,10,1,7",
      `${a}x\n${a}`,
      `${a}\r\r\n${a}`,
    ];
    for (const text of bad) expect([text, scan(text).scanner.bailed]).toEqual([text, true]);
    expect(
      scan("2024-01-02T03:04:05.678Z,123456789012345,123456789012345,1,1,1").scanner.bailed,
    ).toBe(false);
    expect(scan("2024-01-02T03:04:05.678Z,-0.5,11,9,10,1").scanner.bailed).toBe(true);
  });

  it("gives up on a line longer than the readers' limit, a \\r counted in it", () => {
    const line = ROWS[0]!.join(",");
    const bails = (text: string, max: number) => scan(text, [], ROLES, max).scanner.bailed;
    expect(bails(`${line}\n`, line.length - 1)).toBe(false);
    expect(bails(`${line}\n`, line.length - 2)).toBe(true);
    expect(bails(line, line.length - 1)).toBe(false);
    expect(bails(line, line.length - 2)).toBe(true);
    expect(bails(`${line}\r\n`, line.length)).toBe(false);
    expect(bails(`${line}\r\n`, line.length - 1)).toBe(true);
    const later = ROWS[3]!.join(",");
    expect(bails(`${line}\n${later}\n`, Math.max(line.length, later.length) - 1)).toBe(false);
  });

  it("reads other columns and -0 without judging them, and returns -1 when it gives up", () => {
    const roles = Uint8Array.of(
      ROLE.timestamp,
      ROLE.other,
      ROLE.open,
      ROLE.high,
      ROLE.low,
      ROLE.close,
      ROLE.volume,
    );
    const { scanner } = scan("2024-01-02T03:04:05.678Z,-5.5,10,11,9,10,-0\n", [], roles);
    expect(scanner.bailed).toBe(false);
    expect(Array.from(scanner.state.first)).toEqual([
      Date.parse("2024-01-02T03:04:05.678Z"),
      10,
      11,
      9,
      10,
      -0,
    ]);
    const bad = Buffer.from("2024-01-02T03:04:05.678Z,10,11,9,10,x\n\0", "latin1");
    expect(new RangeScanner(ROLES, COMMA, Infinity, 1_000).scan(bad, 0, bad.length - 1, true)).toBe(
      -1,
    );
  });
});
