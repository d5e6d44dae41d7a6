/**
 * Maps 0-based data rows to 1-based file lines with one entry per jump (a header, a skipped
 * blank line), so it costs nothing for a clean file however long.
 */
export class LineIndex {
  private readonly rows: number[] = [];
  private readonly offsets: number[] = [];

  /** Records that data row `row` sits on file line `line`. */
  add(row: number, line: number): void {
    const offset = line - row;
    if (this.offsets[this.offsets.length - 1] !== offset) {
      this.rows.push(row);
      this.offsets.push(offset);
    }
  }

  /** Adds another index's entries, its rows and lines shifted by `rows` and `lines`. */
  append(other: { rows: number[]; offsets: number[] }, rows: number, lines: number): void {
    other.rows.forEach((row, k) =>
      this.add(row + rows, row + (other.offsets[k] as number) + lines),
    );
  }

  /** The entries, to send to another thread. */
  entries(): { rows: number[]; offsets: number[] } {
    return { rows: this.rows, offsets: this.offsets };
  }

  /** The 1-based file line of data row `row` (rows past the end extrapolate). */
  lineOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    if (hi < 0) return row + 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.rows[mid] as number) <= row) lo = mid;
      else hi = mid - 1;
    }
    return row + (this.offsets[lo] as number);
  }
}
