// Control characters, DEL, C1 controls, bidi overrides/isolates and line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const MAX = 60;

/**
 * A file's text made safe for a human-readable message: control characters become `\uXXXX`
 * escapes (so a header cannot send terminal escape sequences) and text longer than 60
 * characters is cut with `…`.
 */
export const displayText = (text: string): string => {
  const cut = text.length > MAX ? `${text.slice(0, MAX)}…` : text;
  return cut.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
};
