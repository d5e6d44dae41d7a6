/**
 * Checks that a v1 data page's definition levels (bit width 1, length-prefixed RLE/bit-packed
 * hybrid) mark all `values` as present, and returns where the values start; -1 when any is
 * null or the levels cannot be read (the general reader then decides).
 */
export const allDefinedLevels = (page: Uint8Array, values: number): number => {
  if (page.length < 4) return -1;
  const length = page[0]! | (page[1]! << 8) | (page[2]! << 16) | (page[3]! * 2 ** 24);
  const end = 4 + length;
  if (end > page.length) return -1;
  let pos = 4;
  let seen = 0;
  while (seen < values) {
    let header = 0;
    for (let shift = 1; ; shift *= 128) {
      if (pos >= end || shift > 2 ** 28) return -1;
      const byte = page[pos++]!;
      header += (byte & 0x7f) * shift;
      if (byte < 0x80) break;
    }
    const count = Math.floor(header / 2);
    if (header % 2 === 0) {
      if (pos >= end || page[pos++] !== 1 || count === 0) return -1;
      seen += count;
      continue;
    }
    if (count === 0 || pos + count > end) return -1;
    for (let i = 0; i < count * 8 && seen < values; i += 1, seen += 1) {
      if (((page[pos + (i >>> 3)]! >>> (i & 7)) & 1) === 0) return -1;
    }
    pos += count;
  }
  return end;
};
