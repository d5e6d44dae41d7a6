import { check } from "../flatbuffer-view";

/** The uncompressed length a snappy stream declares, and where its elements start. */
const header = (input: Uint8Array): { length: number; pos: number } => {
  let length = 0;
  for (let pos = 0, shift = 1; pos < 5 && pos < input.length; pos += 1, shift *= 128) {
    const byte = input[pos]!;
    length += (byte & 0x7f) * shift;
    if (byte < 0x80) return { length, pos: pos + 1 };
  }
  return check(false, "bad snappy length") as never;
};

/**
 * Decompresses raw snappy bytes, checking every literal and copy against both buffers, so damaged
 * input fails with a `StructureError` instead of reading or writing out of bounds.
 *
 * @throws {StructureError} when the stream is damaged or its length is not `expected`.
 */
export const snappyDecompress = (input: Uint8Array, expected: number): Uint8Array => {
  const { length, pos: first } = header(input);
  check(length === expected, `snappy length ${length}, the page says ${expected}`);
  const out = new Uint8Array(length);
  let ip = first;
  let op = 0;
  const end = input.length;
  while (ip < end) {
    const tag = input[ip++]!;
    let size: number;
    let offset: number;
    if ((tag & 3) === 0) {
      size = (tag >>> 2) + 1;
      if (size > 60) {
        const width = size - 60;
        check(ip + width <= end, "snappy literal length ends early");
        size = 1;
        for (let k = 0; k < width; k += 1) size += input[ip + k]! * 2 ** (8 * k);
        ip += width;
      }
      check(ip + size <= end && op + size <= length, "snappy literal out of bounds");
      if (size < 16) for (let k = 0; k < size; k += 1) out[op++] = input[ip++]!;
      else {
        out.set(input.subarray(ip, ip + size), op);
        ip += size;
        op += size;
      }
      continue;
    }
    if ((tag & 3) === 1) {
      check(ip < end, "snappy copy ends early");
      size = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[ip++]!;
    } else if ((tag & 3) === 2) {
      check(ip + 2 <= end, "snappy copy ends early");
      size = (tag >>> 2) + 1;
      offset = input[ip]! | (input[ip + 1]! << 8);
      ip += 2;
    } else {
      check(ip + 4 <= end, "snappy copy ends early");
      size = (tag >>> 2) + 1;
      offset =
        (input[ip]! | (input[ip + 1]! << 8) | (input[ip + 2]! << 16)) + input[ip + 3]! * 2 ** 24;
      ip += 4;
    }
    check(offset > 0 && offset <= op && op + size <= length, "snappy copy out of bounds");
    if (offset >= size && size >= 16) out.copyWithin(op, op - offset, op - offset + size);
    else for (let k = 0; k < size; k += 1) out[op + k] = out[op + k - offset]!;
    op += size;
  }
  check(op === length, `snappy stream holds ${op} bytes, not ${length}`);
  return out;
};
