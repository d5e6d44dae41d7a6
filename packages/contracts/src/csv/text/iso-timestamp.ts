/** Result of {@link parseTimestampText}: epoch milliseconds (UTC) and whether a zone was given. */
export interface ParsedTimestamp {
  /** Epoch milliseconds; zone-less stamps are read as UTC wall-clock time. */
  ms: number;
  /** True when the text carried no zone (`Z` or `±HH:MM`). */
  naive: boolean;
}

/** Largest epoch ms a `Date` holds. */
export const MAX_MS = 8.64e15;
/** Set by {@link scanTimestamp}: whether the last parsed stamp had no zone. */
export const lastScan = { naive: false };

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
};

/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

// `len` ASCII digits at `at` (not past `end`) as a number; -1 when any is not a digit.
const digits = (s: string, at: number, len: number, end: number): number => {
  if (at + len > end) return -1;
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

// Zone at `i` up to `end`: minutes east of UTC, NaN for none (naive), undefined if malformed.
const zoneOffset = (s: string, i: number, end: number): number | undefined => {
  if (i === end) return Number.NaN;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === end) return 0;
  if (z !== 43 && z !== 45) return undefined;
  const rest = end - i - 1;
  const hh = digits(s, i + 1, 2, end);
  let mm = 0;
  if (rest === 5 && s.charCodeAt(i + 3) === 58) mm = digits(s, i + 4, 2, end);
  else if (rest === 4) mm = digits(s, i + 3, 2, end);
  else if (rest !== 2) return undefined;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return undefined;
  return (z === 45 ? -1 : 1) * (hh * 60 + mm);
};

// Scratch state of one scan, so the helpers return plain numbers (no tuples to allocate).
const cursor = { at: 0 };

// Time of day `HH:MM[:SS][.fff…]` after the date; ms of day (cursor.at moves past it) or -1.
const timeOfDay = (s: string, start: number, end: number): number => {
  const h = digits(s, start + 11, 2, end);
  const mi = s.charCodeAt(start + 13) === 58 ? digits(s, start + 14, 2, end) : -1;
  let sec = 0;
  let at = start + 16;
  if (at < end && s.charCodeAt(at) === 58) {
    sec = digits(s, at + 1, 2, end);
    at += 3;
  }
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1;
  let frac = 0;
  const c = s.charCodeAt(at);
  if (at < end && (c === 46 || c === 44)) {
    const first = ++at;
    for (let scale = 100; at < end; at++, scale /= 10) {
      const d = s.charCodeAt(at) - 48;
      if (d < 0 || d > 9) break;
      frac += d * scale;
    }
    if (at === first) return -1;
  }
  cursor.at = at;
  return ((h * 60 + mi) * 60 + sec) * 1000 + Math.floor(frac + 1e-9);
};

/**
 * Allocation-light core of {@link parseTimestampText} over `text[start, end)` (no trimming):
 * returns epoch ms or NaN, and sets `lastScan.naive`.
 */
export const scanTimestamp = (s: string, start: number, end: number): number => {
  if (end - start < 10 || s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) {
    return Number.NaN;
  }
  const y = digits(s, start, 4, end);
  const mo = digits(s, start + 5, 2, end);
  const d = digits(s, start + 8, 2, end);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  let wall = daysFromCivil(y, mo, d) * 86_400_000;
  let at = start + 10;
  const sep = s.charCodeAt(at);
  if (at < end && (sep === 84 || sep === 116 || sep === 32)) {
    const tod = timeOfDay(s, start, end);
    if (tod < 0) return Number.NaN;
    wall += tod;
    at = cursor.at;
  }
  const offset = zoneOffset(s, at, end);
  if (offset === undefined) return Number.NaN;
  lastScan.naive = Number.isNaN(offset);
  const ms = lastScan.naive ? wall : wall - offset * 60_000;
  return Math.abs(ms) <= MAX_MS ? ms : Number.NaN;
};

/**
 * Parses an ISO-8601 timestamp without ever consulting the machine's time zone:
 * `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]]` with an optional `Z`, `±HH`, `±HHMM` or
 * `±HH:MM`. A stamp without zone is read as UTC wall-clock time and flagged `naive`.
 *
 * @returns The parsed stamp, or `undefined` when the text is not such a timestamp.
 * @example
 * ```ts
 * parseTimestampText("2024-01-01T00:00:00+01:00"); // { ms: 1704063600000, naive: false }
 * parseTimestampText("2024-01-01 00:00");          // { ms: 1704067200000, naive: true }
 * ```
 */
export const parseTimestampText = (text: string): ParsedTimestamp | undefined => {
  const s = text.trim();
  const ms = scanTimestamp(s, 0, s.length);
  return Number.isNaN(ms) ? undefined : { ms, naive: lastScan.naive };
};
