/** Short text of any option value for an error message (JSON where possible). */
export const describeValue = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value as undefined);
  } catch {
    return typeof value;
  }
};
