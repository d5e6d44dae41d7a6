/** Result of {@link parseTimestampText}: epoch milliseconds (UTC) and whether a zone was given. */
export interface ParsedTimestamp {
  /** Epoch milliseconds; zone-less stamps are read as UTC wall-clock time. */
  ms: number;
  /** True when the text carried no zone (`Z` or `±HH:MM`). */
  naive: boolean;
}

const MAX_MS = 8.64e15;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

// Reads `len` ASCII digits at `at`; -1 when any of them is not a digit.
const digits = (s: string, at: number, len: number): number => {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

// Parses `[.fff…][Z|±HH[:MM]]` starting at `at`; returns [fractionMs, offsetMinutes|NaN(naive)] or null.
const parseTail = (s: string, at: number): [number, number] | null => {
  let i = at;
  let frac = 0;
  if (s[i] === "." || s[i] === ",") {
    let scale = 100;
    i++;
    const start = i;
    for (; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
      frac += (s.charCodeAt(i) - 48) * scale;
      scale /= 10;
    }
    if (i === start) return null;
    frac = Math.floor(frac + 1e-9);
  }
  if (i === s.length) return [frac, Number.NaN];
  const z = s[i];
  if ((z === "Z" || z === "z") && i + 1 === s.length) return [frac, 0];
  if (z !== "+" && z !== "-") return null;
  const rest = s.length - i - 1;
  const hh = digits(s, i + 1, 2);
  let mm = 0;
  if (rest === 5 && s[i + 3] === ":") mm = digits(s, i + 4, 2);
  else if (rest === 4) mm = digits(s, i + 3, 2);
  else if (rest !== 2) return null;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return null;
  return [frac, (z === "-" ? -1 : 1) * (hh * 60 + mm)];
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
  if (s.length < 10 || s[4] !== "-" || s[7] !== "-") return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let at = 10;
  const sep = s[10];
  if (sep === "T" || sep === "t" || sep === " ") {
    h = digits(s, 11, 2);
    mi = s[13] === ":" ? digits(s, 14, 2) : -1;
    at = 16;
    if (s[16] === ":") {
      sec = digits(s, 17, 2);
      at = 19;
    }
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  }
  const tail = parseTail(s, at);
  if (tail === null || (at === 10 && tail[0] !== 0)) return undefined;
  const [frac, offset] = tail;
  const naive = Number.isNaN(offset);
  const wall = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + sec * 1000 + frac;
  const ms = naive ? wall : wall - offset * 60000;
  return Math.abs(ms) <= MAX_MS ? { ms, naive } : undefined;
};
