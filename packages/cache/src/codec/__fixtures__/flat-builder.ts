// FlatBuffers by hand, for the Arrow layout checks: tables (each after its vtable), vectors and
// strings laid out front to back, every child after the field that points to it, so a test
// describes a schema as plain data and can leave out, damage or overrun any one part of it.

/** A value of a table field or a vector element. */
export type Flat =
  | { kind: "u8" | "u16" | "i32"; value: number }
  | { kind: "table"; fields: Array<Flat | undefined> }
  | { kind: "tables"; items: Flat[] }
  | { kind: "string"; value: string }
  | { kind: "claim"; length: number; bytes: number };

export const u8 = (value: number): Flat => ({ kind: "u8", value });
export const u16 = (value: number): Flat => ({ kind: "u16", value });
export const i32 = (value: number): Flat => ({ kind: "i32", value });
/** A table; `undefined` leaves a field out (offset 0 in the vtable). */
export const table = (...fields: Array<Flat | undefined>): Flat => ({ kind: "table", fields });
/** A vector of tables (uoffsets to each). */
export const tables = (...items: Flat[]): Flat => ({ kind: "tables", items });
export const str = (value: string): Flat => ({ kind: "string", value });
/** A vector header saying `length` elements, followed by only `bytes` zero bytes. */
export const claim = (length: number, bytes = 0): Flat => ({ kind: "claim", length, bytes });

const SIZE = { u8: 1, u16: 2, i32: 4 } as const;

class Writer {
  readonly out: number[] = [];

  put(size: number, value: number, at = this.out.length): void {
    for (let i = 0; i < size; i += 1) this.out[at + i] = Math.floor(value / 256 ** i) & 255;
  }

  /** Writes `value` out of line and returns its position (what a uoffset points to). */
  write(value: Flat): number {
    switch (value.kind) {
      case "table":
        return this.table(value.fields);
      case "tables": {
        const at = this.out.length;
        this.put(4, value.items.length);
        const slots = value.items.map((_, i) => at + 4 + i * 4);
        for (const slot of slots) this.put(4, 0, slot);
        value.items.forEach((item, i) => this.point(slots[i]!, item));
        return at;
      }
      case "string": {
        const at = this.out.length;
        const bytes = new TextEncoder().encode(value.value);
        this.put(4, bytes.length);
        this.out.push(...bytes, 0);
        return at;
      }
      case "claim": {
        const at = this.out.length;
        this.put(4, value.length);
        this.out.push(...new Array<number>(value.bytes).fill(0));
        return at;
      }
      case "u8":
      case "u16":
      case "i32":
        throw new Error(`${value.kind} is written inline`);
    }
  }

  /** Writes `value` after everything so far and points the uoffset at `slot` to it. */
  point(slot: number, value: Flat): void {
    const target = this.write(value);
    this.put(4, target - slot, slot);
  }

  table(fields: Array<Flat | undefined>): number {
    const vtable = this.out.length;
    const vtableSize = 4 + fields.length * 2;
    const start = vtable + vtableSize;
    this.put(2, vtableSize);
    this.put(2, 0);
    this.put(4, vtableSize, start); // soffset: the vtable sits right before the table
    const deferred: Array<[number, Flat]> = [];
    fields.forEach((field, i) => {
      if (field === undefined) return this.put(2, 0, vtable + 4 + i * 2);
      const at = this.out.length;
      this.put(2, at - start, vtable + 4 + i * 2);
      if (field.kind === "u8" || field.kind === "u16" || field.kind === "i32") {
        this.put(SIZE[field.kind], field.value < 0 ? field.value + 2 ** 32 : field.value);
      } else {
        this.put(4, 0);
        deferred.push([at, field]);
      }
    });
    this.put(2, this.out.length - start, vtable + 2);
    for (const [slot, value] of deferred) this.point(slot, value);
    return start;
  }
}

/** The bytes of `root` (a table) and its position in them. */
export const build = (root: Flat): { bytes: Uint8Array; root: number } => {
  const writer = new Writer();
  const at = writer.write(root);
  return { bytes: Uint8Array.from(writer.out), root: at };
};
