// Small value checks shared by the canonical JSON walk, seeds and context parsing.

/** `String.prototype.isWellFormed` (ES2024) without needing the ES2024 lib typings. */
export const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** A short type name for messages: `null`, `array`, `Date`, `object`, `number`… */
export const typeOf = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value !== "object") return typeof value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return "object";
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? name : "object";
};
