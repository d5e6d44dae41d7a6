// A snappy stream taken apart into its elements, written apart from the decoder under test.

/** One element: a literal of `length` bytes, or a copy (`form`: offset bytes) of `length` at `offset`. */
export type Element =
  | { kind: "literal"; length: number; width: number }
  | { kind: "copy"; form: 1 | 2 | 4; offset: number; length: number };

/** The declared length and the elements of a raw snappy stream. */
export const elements = (stream: Uint8Array): { length: number; elements: Element[] } => {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = stream[pos++]!;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  const out: Element[] = [];
  const le = (n: number) => {
    let v = 0;
    for (let k = 0; k < n; k += 1) v += stream[pos + k]! * 256 ** k;
    pos += n;
    return v;
  };
  while (pos < stream.length) {
    const tag = stream[pos++]!;
    const type = tag & 3;
    if (type === 0) {
      const small = tag >>> 2;
      const width = small < 60 ? 0 : small - 59;
      const n = (width === 0 ? small : le(width)) + 1;
      out.push({ kind: "literal", length: n, width });
      pos += n;
    } else if (type === 1) {
      const offset = ((tag >>> 5) << 8) | stream[pos++]!;
      out.push({ kind: "copy", form: 1, offset, length: ((tag >>> 2) & 7) + 4 });
    } else {
      const form = type === 2 ? 2 : 4;
      out.push({ kind: "copy", form, offset: le(form), length: (tag >>> 2) + 1 });
    }
  }
  return { length, elements: out };
};

/** `n` pseudo-random bytes (xorshift32 from `seed`): no 4-byte word repeats by design. */
export const noise = (n: number, seed = 0x9e3779b9): Uint8Array => {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
};
