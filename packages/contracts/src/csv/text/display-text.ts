import { escapeControl } from "@peak/errors";

const MAX = 60;

/**
 * A file's text made safe for a human-readable message: control characters become visible
 * escapes (`escapeControl` from @peak/errors, so a header cannot send terminal escape
 * sequences) and text longer than 60 characters is cut with `…`.
 */
export const displayText = (text: string): string =>
  escapeControl(text.length > MAX ? `${text.slice(0, MAX)}…` : text);
