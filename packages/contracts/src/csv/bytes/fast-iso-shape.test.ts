import { describe, expect, it } from "vitest";
import { fastStamp, guessesStampEnd } from "./fast-iso";
import { scanTimestamp } from "../text/iso-timestamp";
import { latin1 } from "./__fixtures__/latin1";
import { variants } from "./__fixtures__/stamp-corpus";

// The one shape fastStamp reads; it must give what the text reader gives for it, NaN otherwise.
const FAST = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(?:[.,]\d{3})?[Zz]$/;
const want = (s: string) => (FAST.test(s) ? scanTimestamp(s, 0, s.length) : Number.NaN);

const pad = (n: number) => String(n).padStart(2, "0");
// Stamps of both lengths at the edges of every field (month 0 and 13, each month's last day
// and the day after, hour 24, minute and second 60) and in years whose halves are 00 or 99.
const fields = (): string[] => {
  const out: string[] = [];
  for (const y of ["2024", "2023", "1900", "2000", "0000", "9999", "0099", "1999"]) {
    for (let mo = 0; mo <= 13; mo++) {
      for (const d of [0, 1, 28, 29, 30, 31, 32]) out.push(`${y}-${pad(mo)}-${pad(d)}T00:00:00Z`);
    }
  }
  for (const [h, mi, s] of [
    [23, 59, 59],
    [24, 0, 0],
    [0, 60, 0],
    [0, 0, 60],
    [9, 9, 9],
  ]) {
    out.push(`2024-01-01T${pad(h as number)}:${pad(mi as number)}:${pad(s as number)}.999Z`);
  }
  return out;
};

// Where the line holds the stamp at 3, then a digit, so no check may look past its end.
const at3 = (s: string) => fastStamp(latin1(`x,,${s}7`), 3, s.length);

const mismatches = (stamps: string[]) =>
  stamps.filter((s) => !Object.is(at3(s), want(s))).map((s) => [s, at3(s), want(s)]);

describe("fastStamp, byte by byte", () => {
  it("reads every field at and past its range as scanTimestamp does", () => {
    expect(mismatches(fields())).toEqual([]);
  });

  it("refuses any one wrong character, and agrees when the change keeps the shape", () => {
    const bases = ["2024-12-31T23:59:59.999Z", "2000-02-29t19:09:50,090z", "1999-10-20 10:20:30Z"];
    expect(mismatches(bases.flatMap(variants))).toEqual([]);
  });

  it("reads only 20 or 24 bytes ending in Z", () => {
    const lengths = ["2024-01-01T00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1Z"];
    lengths.push("2024-01-01T00:00:00.12Z", "2024-01-01T00:00:00.1234Z", "2024-01-01T00:00:00+00");
    expect(mismatches(lengths)).toEqual([]);
    const b = latin1("2024-01-01T00:00:00.000Z");
    expect([19, 20, 21, 23, 25].map((len) => fastStamp(b, 0, len))).toEqual(Array(5).fill(NaN));
    expect(fastStamp(latin1("2024-01-01T00:00:00Z"), 0, 20)).toBe(Date.UTC(2024, 0, 1));
    expect(fastStamp(latin1("2024-01-01T00:00:00.007Z"), 0, 24)).toBe(Date.UTC(2024, 0, 1) + 7);
  });

  it("gives each day its own value however the days follow one another", () => {
    const days = ["2024-03-01", "2024-02-29", "2024-03-01", "2023-03-01", "2024-04-01"];
    days.push("2024-03-02", "2024-03-01", "1999-12-31", "2000-01-01", "2024-03-01");
    for (const day of days) {
      const s = `${day}T12:30:15.250Z`;
      expect(at3(s), s).toBe(Date.parse(s));
    }
  });
});

describe("guessesStampEnd", () => {
  it("is false exactly for the digits and the characters of the fast shape", () => {
    const inShape = [..."0123456789-T t:.Zz"].map((c) => c.charCodeAt(0));
    for (let sep = 0; sep < 128; sep++) {
      expect(guessesStampEnd(sep), String.fromCharCode(sep)).toBe(!inShape.includes(sep));
    }
  });
});
