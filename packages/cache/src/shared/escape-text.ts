// Escapes control characters (C0, DEL, C1, and the Unicode line/paragraph separators and bidi
// overrides) in user-controlled text before it goes into a human-readable message, so a file
// name or a field cannot move the cursor, recolour the terminal or reorder what a reader sees.
// @peak/errors has no escape helper yet; this one is local to the cache package.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const code = (char: string): string => {
  const hex = char.charCodeAt(0).toString(16);
  return char.charCodeAt(0) < 0x100 ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
};

/** `text` with every control character written as `\xNN` / `\uNNNN` (and `\` kept as is). */
export const escapeControl = (text: string): string => text.replace(CONTROL, code);
