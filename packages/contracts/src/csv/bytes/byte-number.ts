import { parseNumberText } from "../text/number-text";

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Set by {@link scanNumberBytes}: where the field ended and whether it was a number. */
export const numberScan = { at: 0, ok: true };

/** The bytes `b[start, end)` as text, one character per byte (exact for ASCII). */
export const byteText = (b: Uint8Array, start: number, end: number): string => {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
};

/** The bytes `b[start, end)` as text when all are printable ASCII other than `"`; else undefined. */
export const asciiText = (b: Uint8Array, start: number, end: number): string | undefined => {
  let s = "";
  for (let i = start; i < end; i++) {
    const c = b[i] as number;
    if (c <= 32 || c >= 127 || c === 34) return undefined;
    s += String.fromCharCode(c);
  }
  return s;
};

// The field up to `sep` or `end` read as parseNumberText reads it (a string, off the fast path).
const slowNumber = (b: Uint8Array, start: number, from: number, end: number, sep: number) => {
  let i = from;
  while (i < end && b[i] !== sep) i++;
  numberScan.at = i;
  const text = asciiText(b, start, i);
  const n = text === undefined ? undefined : parseNumberText(text);
  numberScan.ok = n !== undefined;
  return n ?? Number.NaN;
};

/**
 * Reads a number cell from bytes, from `start` to the byte `sep` or `end`: the value the text
 * reader gives (`scanDecimalField`, else `parseNumberText`); an empty cell is NaN. Plain
 * decimals with at most 15 digits make no string. `numberScan.ok` is false when the cell is
 * no number (or holds bytes the text reader must judge, e.g. spaces or quotes): the caller
 * then reads the line as text.
 */
export const scanNumberBytes = (b: Uint8Array, start: number, end: number, sep: number): number => {
  let i = start;
  const negative = i < end && b[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digitCount = 0;
  let fractionDigits = -1;
  for (; i < end; i++) {
    const c = b[i] as number;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digitCount++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === 46 && fractionDigits < 0) fractionDigits = 0;
    else if (c === sep) break;
    else return slowNumber(b, start, i, end, sep);
  }
  numberScan.at = i;
  numberScan.ok = true;
  if (digitCount === 0 || digitCount > 15) {
    return i === start ? Number.NaN : slowNumber(b, start, start, end, sep);
  }
  const value = fractionDigits > 0 ? mantissa / (POW10[fractionDigits] as number) : mantissa;
  return negative ? -value : value;
};
