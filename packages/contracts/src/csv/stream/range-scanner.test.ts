import { describe, expect, it } from "vitest";
import { RangeScanner, ROLE } from "./range-scanner";
import { RowState } from "./row-state";

const ROLES = Uint8Array.of(
  ROLE.timestamp,
  ROLE.open,
  ROLE.high,
  ROLE.low,
  ROLE.close,
  ROLE.volume,
);
const COMMA = 44;

/** Scans `text` in pieces cut at `cuts` as checkRange does: unfinished lines are carried over. */
const scan = (text: string, cuts: number[] = [], roles = ROLES, maxLine = 1_000) => {
  const bytes = Buffer.from(text, "latin1");
  const scanner = new RangeScanner(roles, COMMA, Infinity, maxLine);
  let keep = new Uint8Array(0);
  const ends = [...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length];
  let from = 0;
  for (const end of ends) {
    const buffer = new Uint8Array(keep.length + end - from + 1);
    buffer.set(keep);
    buffer.set(bytes.subarray(from, end), keep.length);
    const filled = buffer.length - 1; // buffer[filled] is the 0 sentinel
    const used = scanner.scan(buffer, 0, filled, end === bytes.length);
    if (used < 0) break;
    keep = buffer.slice(used, filled);
    from = end;
  }
  return { scanner, left: keep.length };
};
/** The state the rows should give, from values parsed the plain way. */
const expected = (rows: string[][]) => {
  const state = new RowState(Infinity);
  for (const [t, ...rest] of rows)
    state.add(Float64Array.from([Date.parse(t!), ...rest.map(Number)]));
  return state;
};
const same = (a: RowState, b: RowState) => {
  expect(a.rows).toBe(b.rows);
  expect(Array.from(a.first)).toEqual(Array.from(b.first));
  expect(Array.from(a.last())).toEqual(Array.from(b.last()));
  expect(a.runs()).toEqual(b.runs());
  expect(Array.from(a.spacings.values.subarray(0, a.spacings.size))).toEqual(
    Array.from(b.spacings.values.subarray(0, b.spacings.size)),
  );
};
// The first row's prices and volume as the scanner read them.
const firstBar = (text: string) => Array.from(scan(text).scanner.state.first.subarray(1));
const ROWS = [
  ["2024-01-02T03:04:05.678Z", "10", "11.25", "9.5", "10.125", "0"],
  ["2024-01-02T03:05:05Z", "10.5", "12", "0.000001", "11", "123456789012345"],
  ["2024-01-02T04:05:05+01:00", "1e0", "1", "1", "1", "-0"],
  ["2024-01-02T03:07:05.1Z", "100", "100", "100", "100", "3.5"],
  ["2024-01-02 03:08:05.250Z", "0.5", "0.75", "0.25", "0.5", "999999999999999"],
];

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
    ];
    for (const text of bad) expect([text, scan(text).scanner.bailed]).toEqual([text, true]);
    expect(
      scan("2024-01-02T03:04:05.678Z,123456789012345,123456789012345,1,1,1").scanner.bailed,
    ).toBe(false);
    expect(scan("2024-01-02T03:04:05.678Z,-0.5,11,9,10,1").scanner.bailed).toBe(true);
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

  it("gives up on a line longer than the readers' limit, a \\r counted in it", () => {
    const line = ROWS[0]!.join(",");
    const bails = (text: string, max: number) => scan(text, [], ROLES, max).scanner.bailed;
    expect(bails(`${line}\n`, line.length - 1)).toBe(false);
    expect(bails(`${line}\n`, line.length - 2)).toBe(true);
    expect(bails(line, line.length - 1)).toBe(false);
    expect(bails(line, line.length - 2)).toBe(true);
    expect(bails(`${line}\r\n`, line.length)).toBe(false);
    expect(bails(`${line}\r\n`, line.length - 1)).toBe(true);
  });

  it("leaves an unfinished last line for the next piece", () => {
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
