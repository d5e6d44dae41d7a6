// Snappy (raw format, as Parquet uses it), compressed the way the reference implementation does:
// 64 KiB blocks, a 14-bit hash of 4-byte words, and lookups that skip faster the longer no
// match is found, so incompressible data (most float columns) passes at close to copy speed.
import { ByteSink } from "./byte-sink";

const BLOCK = 1 << 16;
const HASH_BITS = 14;
const INPUT_MARGIN = 15;

const load32 = (b: Uint8Array, i: number): number =>
  b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
const hash = (word: number): number => Math.imul(word, 0x1e35a7bd) >>> (32 - HASH_BITS);

/** The largest output snappy can produce for `length` input bytes. */
export const maxCompressedLength = (length: number): number => 32 + length + Math.floor(length / 6);

class Output extends ByteSink {
  varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.pos++] = v;
  }

  literal(input: Uint8Array, start: number, end: number): void {
    const n = end - start - 1;
    if (n < 0) return;
    if (n < 60) this.bytes[this.pos++] = n << 2;
    else {
      const width = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
      this.bytes[this.pos++] = (59 + width) << 2;
      for (let k = 0; k < width; k += 1) this.bytes[this.pos++] = (n >>> (8 * k)) & 0xff;
    }
    if (n < 16) for (let i = start; i < end; i += 1) this.bytes[this.pos++] = input[i]!;
    else {
      this.bytes.set(input.subarray(start, end), this.pos);
      this.pos += end - start;
    }
  }

  // One copy element: offset < 65536, 4 <= length <= 64.
  #copyElement(offset: number, length: number): void {
    if (length < 12 && offset < 2048) {
      this.bytes[this.pos++] = 1 | ((length - 4) << 2) | ((offset >>> 8) << 5);
      this.bytes[this.pos++] = offset & 0xff;
    } else {
      this.bytes[this.pos++] = 2 | ((length - 1) << 2);
      this.bytes[this.pos++] = offset & 0xff;
      this.bytes[this.pos++] = offset >>> 8;
    }
  }

  copy(offset: number, length: number): void {
    let left = length;
    while (left >= 68) {
      this.#copyElement(offset, 64);
      left -= 64;
    }
    if (left > 64) {
      this.#copyElement(offset, 60);
      left -= 60;
    }
    this.#copyElement(offset, left);
  }
}

const matchLength = (b: Uint8Array, a: number, i: number, end: number): number => {
  let n = 0;
  while (i + n < end && b[a + n] === b[i + n]) n += 1;
  return n;
};

// Compresses one block [start, end) with a fresh table; offsets stay within the block.
const compressBlock = (
  b: Uint8Array,
  start: number,
  end: number,
  out: Output,
  table: Uint16Array,
) => {
  table.fill(0);
  let emit = start;
  if (end - start >= INPUT_MARGIN) {
    const limit = end - INPUT_MARGIN;
    let ip = start + 1;
    search: for (;;) {
      let skip = 32;
      let next = ip;
      let candidate: number;
      do {
        ip = next;
        next = ip + (skip++ >>> 5);
        if (next > limit) break search;
        const h = hash(load32(b, ip));
        candidate = start + table[h]!;
        table[h] = ip - start;
      } while (load32(b, ip) !== load32(b, candidate));
      out.literal(b, emit, ip);
      do {
        const length = 4 + matchLength(b, candidate + 4, ip + 4, end);
        out.copy(ip - candidate, length);
        ip += length;
        emit = ip;
        if (ip >= limit) break search;
        table[hash(load32(b, ip - 1))] = ip - 1 - start;
        const h = hash(load32(b, ip));
        candidate = start + table[h]!;
        table[h] = ip - start;
      } while (load32(b, ip) === load32(b, candidate));
      ip += 1;
    }
  }
  out.literal(b, emit, end);
};

/** Snappy-compresses `input` (raw format: varint length, then literals and copies). */
export const snappyCompress = (input: Uint8Array): Uint8Array => {
  const out = new Output(new Uint8Array(maxCompressedLength(input.length)));
  out.varint(input.length);
  const table = new Uint16Array(1 << HASH_BITS);
  for (let start = 0; start < input.length; start += BLOCK) {
    compressBlock(input, start, Math.min(input.length, start + BLOCK), out, table);
  }
  return out.bytes.subarray(0, out.pos);
};
