const DELTA_SECONDS = /^\d+$/;

/**
 * Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3) as milliseconds to wait: either
 * delta-seconds (`"120"` → 120 000) or an HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"` →
 * the time from `nowMs` until then, 0 if it has passed). Returns `undefined` for a missing
 * or malformed value, so it can feed `ProviderError`'s `retryAfterMs` directly.
 *
 * @param nowMs - the current wall-clock time, epoch milliseconds. @defaultValue Date.now()
 * @example
 * ```ts
 * const res = await fetch(url);
 * if (res.status === 429 || res.status === 503) {
 *   throw new ProviderError(`HTTP ${res.status}`, {
 *     retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
 *   });
 * }
 * ```
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined => {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) return Number(text) * 1_000;
  // An HTTP-date starts with its weekday (IMF-fixdate, RFC 850 or asctime) and is in GMT,
  // which asctime leaves unsaid; bare numbers and ISO strings are not HTTP-dates.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return undefined;
  const at = Date.parse(/GMT$/i.test(text) ? text : `${text} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
};
