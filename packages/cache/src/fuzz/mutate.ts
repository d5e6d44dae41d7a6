import type { SeededRandom } from "./seeded-random";

/** The damage a fuzz case applies to a seed file. */
export type Mutation =
  | "bit-flip"
  | "truncate"
  | "splice"
  | "length-field"
  | "byte-run"
  | "tail-flip";

export const MUTATIONS: readonly Mutation[] = [
  "bit-flip",
  "truncate",
  "splice",
  "length-field",
  "byte-run",
  "tail-flip",
];

// Values that break length and offset fields: zero, negative, huge, just past the end.
const nasty = (rng: SeededRandom, size: number): number =>
  rng.pick([
    0,
    1,
    -1,
    0x7fffffff,
    0x80000000 | 0,
    0xffff,
    size,
    size + 1,
    size * 2,
    rng.int(0, 2 ** 31),
  ]);

/**
 * Returns a damaged copy of `seed`: flipped bits (anywhere, or in the last 64 bytes where the
 * footers live), a truncation, a splice of a chunk from `donor`, a 32-bit length field
 * overwritten with a nasty value, or a run of one byte.
 */
export const mutate = (
  seed: Uint8Array,
  donor: Uint8Array,
  kind: Mutation,
  rng: SeededRandom,
): Uint8Array => {
  const out = Uint8Array.from(seed);
  const size = out.length;
  switch (kind) {
    case "bit-flip":
    case "tail-flip": {
      const from = kind === "tail-flip" ? Math.max(0, size - 64) : 0;
      for (let n = rng.int(1, 8); n > 0; n -= 1)
        out[rng.int(from, size - 1)]! ^= 1 << rng.int(0, 7);
      return out;
    }
    case "truncate":
      return out.subarray(0, rng.int(0, size - 1));
    case "splice": {
      const length = rng.int(1, Math.min(256, donor.length));
      const from = rng.int(0, donor.length - length);
      const at = rng.int(0, size - 1);
      const spliced = new Uint8Array(size);
      spliced.set(out.subarray(0, at));
      spliced.set(donor.subarray(from, from + length).subarray(0, size - at), at);
      if (at + length < size) spliced.set(out.subarray(at + length), at + length);
      return spliced;
    }
    case "length-field": {
      const at =
        rng.next() < 0.5 ? rng.int(Math.max(0, size - 200), size - 4) : rng.int(0, size - 4);
      new DataView(out.buffer).setInt32(at & ~3, nasty(rng, size), true);
      return out;
    }
    case "byte-run": {
      const at = rng.int(0, size - 1);
      out.fill(rng.pick([0x00, 0xff, 0x7f, 0x80]), at, Math.min(size, at + rng.int(1, 32)));
      return out;
    }
  }
};
