import { check } from "./flatbuffer-view";

/** A decoded Thrift value: structs are maps from field id, binaries stay bytes. */
export type ThriftValue = number | boolean | Uint8Array | ThriftValue[] | ThriftStruct;
/** A decoded Thrift struct: field id → value. */
export type ThriftStruct = Map<number, ThriftValue>;

const MAX_DEPTH = 32;

/**
 * A bounds-checked reader of Thrift's compact protocol (what Parquet footers and page headers
 * use). Every length and element count is checked against the bytes left before anything is
 * allocated, and nesting is limited, so damaged metadata fails at once instead of looping.
 */
export class CompactReader {
  pos: number;
  readonly #bytes: Uint8Array;
  readonly #end: number;

  constructor(bytes: Uint8Array, start: number, end: number) {
    check(start >= 0 && end <= bytes.length && start <= end, "thrift region outside the file");
    this.#bytes = bytes;
    this.pos = start;
    this.#end = end;
  }

  #byte(): number {
    check(this.pos < this.#end, "thrift data ends early");
    return this.#bytes[this.pos++]!;
  }

  #varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.#byte();
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    return check(false, "thrift varint too long") as never;
  }

  #zigzag(): number {
    const raw = this.#varint();
    const value = (raw >> 1n) ^ -(raw & 1n);
    check(
      value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER),
      "thrift integer out of range",
    );
    return Number(value);
  }

  #size(minBytesEach: number): number {
    const size = Number(this.#varint());
    check(size * minBytesEach <= this.#end - this.pos, `thrift length ${size} overruns the data`);
    return size;
  }

  #value(type: number, depth: number): ThriftValue {
    check(depth <= MAX_DEPTH, "thrift nesting too deep");
    switch (type) {
      case 1:
        return true;
      case 2:
        return false;
      case 3:
        return (this.#byte() << 24) >> 24;
      case 4:
      case 5:
      case 6:
        return this.#zigzag();
      case 7:
        check(this.pos + 8 <= this.#end, "thrift double ends early");
        this.pos += 8;
        return 0;
      case 8: {
        const length = this.#size(1);
        const bytes = this.#bytes.subarray(this.pos, this.pos + length);
        this.pos += length;
        return bytes;
      }
      case 9:
      case 10:
        return this.#list(depth);
      case 11:
        return this.#map(depth);
      case 12:
        return this.struct(depth + 1);
      default:
        return check(false, `unknown thrift type ${type}`) as never;
    }
  }

  #list(depth: number): ThriftValue[] {
    const header = this.#byte();
    const type = header & 0x0f;
    const size = header >> 4 === 15 ? this.#size(1) : header >> 4;
    check(size <= this.#end - this.pos, "thrift list overruns the data");
    const items: ThriftValue[] = [];
    for (let i = 0; i < size; i += 1) {
      items.push(type === 1 || type === 2 ? this.#byte() === 1 : this.#value(type, depth + 1));
    }
    return items;
  }

  #map(depth: number): ThriftValue[] {
    const size = this.#size(2);
    if (size === 0) return [];
    const types = this.#byte();
    const items: ThriftValue[] = [];
    for (let i = 0; i < size; i += 1) {
      items.push(this.#value(types >> 4, depth + 1), this.#value(types & 0x0f, depth + 1));
    }
    return items;
  }

  /** Reads one struct (up to its stop byte) at the current position. */
  struct(depth = 0): ThriftStruct {
    check(depth <= MAX_DEPTH, "thrift nesting too deep");
    const fields: ThriftStruct = new Map();
    for (let id = 0; ; ) {
      const header = this.#byte();
      if (header === 0) return fields;
      const delta = header >> 4;
      id = delta === 0 ? this.#zigzag() : id + delta;
      fields.set(id, this.#value(header & 0x0f, depth));
    }
  }
}

/** Field `id` of a struct as a number (0 when absent or not a number). */
export const num = (s: ThriftStruct | undefined, id: number, fallback = 0): number => {
  const value = s?.get(id);
  return typeof value === "number" ? value : fallback;
};

/** Field `id` of a struct as a struct, if it is one. */
export const sub = (s: ThriftStruct | undefined, id: number): ThriftStruct | undefined => {
  const value = s?.get(id);
  return value instanceof Map ? value : undefined;
};

/** Field `id` of a struct as a list, or []. */
export const list = (s: ThriftStruct | undefined, id: number): ThriftValue[] => {
  const value = s?.get(id);
  return Array.isArray(value) ? value : [];
};

/** Field `id` of a struct as UTF-8 text, if it is a binary. */
export const text = (s: ThriftStruct | undefined, id: number): string | undefined => {
  const value = s?.get(id);
  return value instanceof Uint8Array ? new TextDecoder().decode(value) : undefined;
};
