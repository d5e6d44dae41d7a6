// Most files have a handful of distinct spacings; a file with more keeps its table in memory.
const MAX_RUNS = 1 << 16;

/**
 * The spacings of consecutive stamps, run-length encoded (value, count): enough to infer the
 * interval and replay the stamp rules without keeping the stamps. `full` once it holds
 * {@link MAX_RUNS} runs (the caller then gives up streaming).
 */
export class SpacingRuns {
  values = new Float64Array(64);
  counts = new Float64Array(64);
  size = 0;

  /** Appends `count` spacings of `value`; false when the encoding is full. */
  push(value: number, count = 1): boolean {
    const last = this.size - 1;
    if (last >= 0 && this.values[last] === value) {
      this.counts[last] = (this.counts[last] as number) + count;
      return true;
    }
    if (this.size === MAX_RUNS) return false;
    if (this.size === this.values.length) this.grow();
    this.values[this.size] = value;
    this.counts[this.size++] = count;
    return true;
  }

  /** Appends every run of `other` (values and counts as {@link SpacingRuns} holds them). */
  append(values: Float64Array, counts: Float64Array): boolean {
    for (let k = 0; k < values.length; k++) {
      if (!this.push(values[k] as number, counts[k] as number)) return false;
    }
    return true;
  }

  private grow(): void {
    const size = Math.min(MAX_RUNS, this.values.length * 2);
    const values = new Float64Array(size);
    const counts = new Float64Array(size);
    values.set(this.values);
    counts.set(this.counts);
    this.values = values;
    this.counts = counts;
  }
}
