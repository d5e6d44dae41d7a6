// Python's float repr (the "r" format of PyOS_double_to_string): the shortest round-trip digits,
// fixed notation when -4 < exponent < 16 (with ".0" added to integral values), otherwise
// scientific with a signed exponent of at least two digits: 1e+16, 1e-07, 2.5e-05, -0.0.
// JavaScript also prints the shortest round-trip digits, so only the layout differs.

/** Formats a number as Python's `repr(float(value))` does, including `NaN`/`Infinity`. */
export const pythonFloatRepr = (value: number): string => {
  if (Number.isNaN(value)) return "NaN";
  // Stryker disable next-line EqualityOperator: only ±Infinity gets here, never 0
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  // Stryker disable next-line EqualityOperator: 0 returned above
  const sign = value < 0 ? "-" : "";
  // toExponential() without digits gives the shortest round-trip mantissa, e.g. "2.5e-5".
  const [mantissa, exp] = Math.abs(value).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : "";
    // Stryker disable next-line EqualityOperator: the exponent here is below -4 or at least 16, never 0
    const expSign = exponent < 0 ? "-" : "+";
    return `${sign}${digits[0]}${rest}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const point = exponent + 1;
  // Stryker disable next-line EqualityOperator: at equal lengths slice and padEnd both give the digits
  const whole = digits.length > point ? digits.slice(0, point) : digits.padEnd(point, "0");
  const fraction = digits.length > point ? digits.slice(point) : "0";
  return `${sign}${whole}.${fraction}`;
};

/** Escapes a string as Python's `json.dumps(..., ensure_ascii=True)`: `\uXXXX` for non-ASCII. */
export const pythonQuote = (text: string): string => {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += text[i];
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
};

const SHORT_ESCAPES: Record<number, string> = {
  0x22: '\\"',
  0x5c: "\\\\",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x08: "\\b",
  0x0c: "\\f",
};

/** Orders strings by Unicode code point, as Python's `sorted()` does. */
export const compareCodePoints = (a: string, b: string): number => {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
};
