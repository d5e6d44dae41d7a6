/** Options of {@link escapeControl}. */
export interface EscapeControlOptions {
  /**
   * Keep line feeds and tabs as they are (for multi-line messages); every other control
   * character is still escaped.
   * @defaultValue false
   */
  multiline?: boolean | undefined;
}

// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI in some terminals), the Unicode
// bidirectional overrides and isolates ("Trojan Source"), and the line/paragraph separators.
// Matching control characters is the point here, hence the two lint exceptions.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_KEEP_LAYOUT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = {
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\f": "\\f",
  "\r": "\\r",
};

const escapeOne = (char: string): string =>
  SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Makes text safe to print to a terminal or a log file: control characters become visible
 * escapes (`\u001b`, `\r`, `\u009b`, `\u202e`…), so a value taken from a file or a request
 * cannot move the cursor, recolour the screen, hide text or forge log lines. Text without
 * control characters is returned unchanged (backslashes are not doubled).
 *
 * @example
 * ```ts
 * escapeControl("close\u001b[31m"); // "close\\u001b[31m"
 * escapeControl("a\nb", { multiline: true }); // "a\nb" (kept)
 * ```
 */
export const escapeControl = (text: string, options: EscapeControlOptions = {}): string => {
  const pattern = options.multiline === true ? CONTROL_KEEP_LAYOUT : CONTROL;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeOne) : text;
};
