/** The label value used once a label has reached its limit of distinct values. */
export const OVERFLOW_LABEL = "_other";

/**
 * Keeps a label's set of values bounded: the first `limit` distinct values pass through,
 * later ones are reported as {@link OVERFLOW_LABEL}, so a runaway naming scheme cannot blow
 * up the number of series.
 */
export class LabelLimiter {
  private readonly seen = new Set<string>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** The label value to use for `value`. */
  get(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return OVERFLOW_LABEL;
    this.seen.add(value);
    return value;
  }
}

/** Buckets a retry attempt number into `"1"`..`"<max-1>"` and `"<max>+"`. */
export const attemptLabel = (attempt: number, max: number): string => {
  if (!Number.isFinite(attempt) || attempt < 1) return "1";
  const n = Math.floor(attempt);
  return n >= max ? `${max}+` : String(n);
};
