import { readSync } from "node:fs";

const WINDOW = 1 << 16;

/**
 * Cuts `[from, size)` of an open file into ranges of about `bytes` each, every cut just after a
 * line break. Returns the cut points (`from` first, `size` last), or undefined when a line
 * near a cut is longer than 64 KiB (the caller then reads the file on one thread).
 */
export const splitRanges = (
  fd: number,
  from: number,
  size: number,
  bytes: number,
): number[] | undefined => {
  const cuts = [from];
  const window = new Uint8Array(WINDOW);
  for (let at = from + bytes; at < size; at += bytes) {
    const got = readSync(fd, window, 0, WINDOW, at - 1);
    const nl = window.subarray(0, got).indexOf(10);
    if (nl < 0) return undefined;
    const cut = at + nl;
    if (cut >= size) break;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at >= last cut + bytes, so cut (>= at) is always past the last cut
    if (cut > (cuts[cuts.length - 1] as number)) cuts.push(cut);
    at = cut;
  }
  cuts.push(size);
  return cuts;
};
