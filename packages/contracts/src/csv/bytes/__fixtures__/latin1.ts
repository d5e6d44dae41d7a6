/** `text` as bytes, one byte per character (its char code, 0–255), so indices match. */
export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
