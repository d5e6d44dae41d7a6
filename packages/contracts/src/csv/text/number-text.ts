const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  inf: Infinity,
  "+inf": Infinity,
  "-inf": -Infinity,
  infinity: Infinity,
  "+infinity": Infinity,
  "-infinity": -Infinity,
};

/**
 * Reads a numeric string the way pandas' `to_numeric` does: decimal or exponent notation,
 * `NaN`, `inf`/`Infinity` (any case). An empty string counts as missing (NaN).
 *
 * @returns The number, or `undefined` when the text is not numeric (e.g. `"abc"`, `"0x10"`).
 */
export const parseNumberText = (text: string): number | undefined => {
  const s = text.trim();
  if (s === "") return Number.NaN;
  if (DECIMAL.test(s)) return Number(s);
  const special = SPECIAL[s.toLowerCase()];
  return special === undefined || !Object.hasOwn(SPECIAL, s.toLowerCase()) ? undefined : special;
};

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Where the last {@link scanDecimalField} stopped (the separator or the end). */
export const fieldEnd = { at: 0 };

/**
 * Fast path for plain decimals `[-]digits[.digits]` from `start` up to the char code `sep` or
 * `end`, whichever comes first (`fieldEnd.at` says where). Exact (correctly rounded): the
 * mantissa stays below 2^53 and the divisor is an exact power of ten. Returns `undefined` for
 * anything else (exponents, spaces, 16+ digits, empty), so the caller falls back.
 */
export const scanDecimalField = (
  text: string,
  start: number,
  end: number,
  sep: number,
): number | undefined => {
  let i = start;
  const negative = i < end && text.charCodeAt(i) === 45;
  if (negative) i++;
  let mantissa = 0;
  let digitCount = 0;
  let fractionDigits = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digitCount++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === 46 && fractionDigits < 0) fractionDigits = 0;
    else if (c === sep) break;
    else return undefined;
  }
  if (digitCount === 0 || digitCount > 15) return undefined;
  fieldEnd.at = i;
  const value = fractionDigits > 0 ? mantissa / (POW10[fractionDigits] as number) : mantissa;
  return negative ? -value : value;
};

/** {@link scanDecimalField} over exactly `text[start, end)`. */
export const parseDecimalSlice = (text: string, start: number, end: number): number | undefined =>
  scanDecimalField(text, start, end, -1);
