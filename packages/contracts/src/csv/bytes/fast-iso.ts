import { scanTimestampBytes } from "./byte-timestamp";
import { daysFromCivil, daysInMonth, lastScan } from "../text/iso-timestamp";

const d2 = (b: Uint8Array, at: number): number => {
  const hi = (b[at] as number) - 48;
  const lo = (b[at + 1] as number) - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
};

// The day of the last stamp (most bars share it): its yyyymmdd key and epoch ms.
const day = { key: -1, ms: 0 };

/**
 * The common `YYYY-MM-DDTHH:MM:SS[.fff]Z` stamp of `len` (20 or 24) bytes at `p` in epoch
 * ms, the day cached; NaN when the bytes are not exactly that shape. Every byte it accepts
 * is a digit or one of `-T t:.,Zz`.
 */
export const fastStamp = (b: Uint8Array, p: number, len: number): number => {
  const stop = p + len;
  if ((len === 20 || len === 24) && (b[stop - 1] === 90 || b[stop - 1] === 122)) {
    const yh = d2(b, p);
    const yl = d2(b, p + 2);
    const y = yh * 100 + yl;
    const mo = d2(b, p + 5);
    const d = d2(b, p + 8);
    const h = d2(b, p + 11);
    const mi = d2(b, p + 14);
    const s = d2(b, p + 17);
    const sepT = b[p + 10];
    const shape =
      +(b[p + 4] === 45) &
      +(b[p + 7] === 45) &
      +(sepT === 84 || sepT === 116 || sepT === 32) &
      +(b[p + 13] === 58) &
      +(b[p + 16] === 58) &
      +(len === 20 || b[p + 19] === 46 || b[p + 19] === 44);
    const f1 = len === 24 ? (b[p + 20] as number) - 48 : 0;
    const f2 = len === 24 ? (b[p + 21] as number) - 48 : 0;
    const f3 = len === 24 ? (b[p + 22] as number) - 48 : 0;
    const digitsOk =
      +(yh >= 0 && yl >= 0) &
      +(mo >= 1 && mo <= 12) &
      +(d >= 1) &
      +(h >= 0 && h <= 23) &
      +(mi >= 0 && mi <= 59) &
      +(s >= 0 && s <= 59) &
      +(f1 >= 0 && f1 <= 9 && f2 >= 0 && f2 <= 9 && f3 >= 0 && f3 <= 9);
    if ((shape & digitsOk) === 1 && (d <= 28 || d <= daysInMonth(y, mo))) {
      // Stryker disable next-line ArithmeticOperator: each of these keys is one-to-one on valid dates (months 1-12, days 1-31)
      const key = y * 10000 + mo * 100 + d;
      if (key !== day.key) {
        day.key = key;
        day.ms = daysFromCivil(y, mo, d) * 86_400_000;
      }
      return day.ms + ((h * 60 + mi) * 60 + s) * 1000 + (f1 * 100 + f2 * 10 + f3);
    }
  }
  return Number.NaN;
};

/**
 * True when the delimiter `sep` cannot occur inside a {@link fastStamp} shape except at its
 * `.` (position 19, which the caller tests): then a stamp may be guessed to end 24 bytes on.
 */
export const guessesStampEnd = (sep: number): boolean =>
  !(sep >= 48 && sep <= 57) && !"-T t:.Zz".includes(String.fromCharCode(sep));

/**
 * A zoned ISO stamp `b[p, stop)` in epoch ms, NaN when it is not one (zone-less included):
 * {@link fastStamp}, else `scanTimestampBytes` (which gives the same value for that shape).
 */
export const zonedStampAt = (b: Uint8Array, p: number, stop: number): number => {
  const fast = fastStamp(b, p, stop - p);
  if (fast === fast) return fast;
  const ms = scanTimestampBytes(b, p, stop);
  return lastScan.naive ? Number.NaN : ms;
};
