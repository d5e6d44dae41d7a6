import { daysFromCivil, daysInMonth, lastScan, MAX_MS } from "../text/iso-timestamp";

// A byte-level twin of ../text/iso-timestamp.ts: the same grammar and arithmetic over UTF-8
// bytes, so the byte scanner never makes a string for a clean stamp. Keep the two in step;
// the equivalence test in byte-reader.property.test.ts compares them on generated input.

const digits = (b: Uint8Array, at: number, len: number, end: number): number => {
  if (at + len > end) return -1;
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = (b[i] as number) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

const zoneOffset = (b: Uint8Array, i: number, end: number): number | undefined => {
  if (i === end) return Number.NaN;
  const z = b[i];
  if ((z === 90 || z === 122) && i + 1 === end) return 0;
  if (z !== 43 && z !== 45) return undefined;
  const rest = end - i - 1;
  const hh = digits(b, i + 1, 2, end);
  let mm = 0;
  if (rest === 5 && b[i + 3] === 58) mm = digits(b, i + 4, 2, end);
  else if (rest === 4) mm = digits(b, i + 3, 2, end);
  else if (rest !== 2) return undefined;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return undefined;
  return (z === 45 ? -1 : 1) * (hh * 60 + mm);
};

const cursor = { at: 0 };

const timeOfDay = (b: Uint8Array, start: number, end: number): number => {
  const h = digits(b, start + 11, 2, end);
  const mi = b[start + 13] === 58 ? digits(b, start + 14, 2, end) : -1;
  let sec = 0;
  let at = start + 16;
  if (at < end && b[at] === 58) {
    sec = digits(b, at + 1, 2, end);
    at += 3;
  }
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1;
  let frac = 0;
  const c = b[at];
  if (at < end && (c === 46 || c === 44)) {
    const first = ++at;
    for (let scale = 100; at < end; at++, scale /= 10) {
      const d = (b[at] as number) - 48;
      if (d < 0 || d > 9) break;
      frac += d * scale;
    }
    if (at === first) return -1;
  }
  cursor.at = at;
  return ((h * 60 + mi) * 60 + sec) * 1000 + Math.floor(frac + 1e-9);
};

/**
 * `scanTimestamp` over the bytes `b[start, end)`: epoch ms or NaN; sets `lastScan.naive`.
 * Every byte it accepts is ASCII, so a stamp it reads decodes to the same text.
 */
export const scanTimestampBytes = (b: Uint8Array, start: number, end: number): number => {
  if (end - start < 10 || b[start + 4] !== 45 || b[start + 7] !== 45) return Number.NaN;
  const y = digits(b, start, 4, end);
  const mo = digits(b, start + 5, 2, end);
  const d = digits(b, start + 8, 2, end);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  let wall = daysFromCivil(y, mo, d) * 86_400_000;
  let at = start + 10;
  const sep = b[at];
  if (at < end && (sep === 84 || sep === 116 || sep === 32)) {
    const tod = timeOfDay(b, start, end);
    if (tod < 0) return Number.NaN;
    wall += tod;
    at = cursor.at;
  }
  const offset = zoneOffset(b, at, end);
  if (offset === undefined) return Number.NaN;
  lastScan.naive = Number.isNaN(offset);
  const ms = lastScan.naive ? wall : wall - offset * 60_000;
  return Math.abs(ms) <= MAX_MS ? ms : Number.NaN;
};
