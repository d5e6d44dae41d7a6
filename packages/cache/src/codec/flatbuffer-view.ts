/** Thrown by the structure checks; turned into a `CacheCorruptionError` by the decoder. */
export class StructureError extends Error {
  override readonly name = "StructureError";
  /** True when the file is sound but uses a feature the readers do not support. */
  readonly unsupported: boolean;

  constructor(reason: string, unsupported = false) {
    super(reason);
    this.unsupported = unsupported;
  }
}

/** Fails the structure check with `reason` unless `ok`. */
export const check: (ok: boolean, reason: string) => asserts ok = (ok, reason) => {
  if (!ok) throw new StructureError(reason);
};

/** Fails the structure check unless `ok`, saying the file uses a feature no reader here supports. */
export const supported: (ok: boolean, reason: string) => asserts ok = (ok, reason) => {
  if (!ok) throw new StructureError(reason, true);
};

/**
 * A bounds-checked reader of one FlatBuffers region `[start, end)` of `bytes`: every offset,
 * vtable and vector is checked to lie inside the region before it is read, so a damaged length
 * can never send a reader past the end or into a loop over billions of elements.
 */
export class FlatView {
  readonly #data: DataView;
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start: number, end: number) {
    check(start >= 0 && end <= bytes.length && start <= end, "region outside the file");
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.#data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  #at(pos: number, size: number): number {
    check(
      Number.isInteger(pos) && pos >= this.start && pos + size <= this.end,
      `offset ${pos} out of bounds`,
    );
    return pos;
  }

  u8 = (pos: number): number => this.#data.getUint8(this.#at(pos, 1));
  u16 = (pos: number): number => this.#data.getUint16(this.#at(pos, 2), true);
  i32 = (pos: number): number => this.#data.getInt32(this.#at(pos, 4), true);
  u32 = (pos: number): number => this.#data.getUint32(this.#at(pos, 4), true);
  /** A 64-bit integer as a number; beyond ±2^53 it is refused as damage. */
  i64 = (pos: number): number => {
    const value = this.#data.getBigInt64(this.#at(pos, 8), true);
    check(
      value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER),
      `64-bit value ${value} out of range`,
    );
    return Number(value);
  };

  /** Position of the root table (the uoffset at `start`). */
  root = (): number => this.start + this.u32(this.start);

  /** Position of field `index` of the table at `table`, or undefined when absent. */
  field(table: number, index: number): number | undefined {
    const vtable = table - this.i32(table);
    const vtableSize = this.u16(vtable);
    check(vtableSize >= 4 && vtableSize % 2 === 0, "bad vtable size");
    this.#at(vtable, vtableSize);
    const slot = 4 + index * 2;
    if (slot >= vtableSize) return undefined;
    const offset = this.u16(vtable + slot);
    return offset === 0 ? undefined : this.#at(table + offset, 1);
  }

  /** The table, vector or string a uoffset field points to. */
  deref = (pos: number): number => pos + this.u32(pos);

  /** A vector's element positions: its length is checked against the region first. */
  vector(pos: number, stride: number): { first: number; length: number } {
    const at = this.deref(pos);
    const length = this.u32(at);
    check(at + 4 + length * stride <= this.end, `vector of ${length} elements overruns its region`);
    return { first: at + 4, length };
  }

  /** A UTF-8 string field. */
  string(pos: number): string {
    const { first, length } = this.vector(pos, 1);
    return new TextDecoder().decode(this.bytes.subarray(first, first + length));
  }
}
