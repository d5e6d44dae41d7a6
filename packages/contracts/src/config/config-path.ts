const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A config path as text: `risk.maxDrawdown`, `legs[0].symbol`, `["odd key"]`, or `(root)`. */
export const formatPath = (path: readonly PropertyKey[]): string => {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && IDENTIFIER.test(part))
      out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === "" ? "(root)" : out;
};

/** A short, safe description of a received value for messages (`"abc"`, `-1`, `an array`). */
export const describeValue = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "an object";
    case "undefined":
      return "nothing";
    case "symbol":
    case "function":
      return `a ${typeof value}`;
  }
  // Stryker disable next-line StringLiteral: unreachable, the cases cover every `typeof` result
  return "a value";
};
