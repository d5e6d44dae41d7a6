// A tiny FlatBuffers writer for hand-made test bytes: tables, vectors and strings laid out
// front to back (each child after its parent, so every uoffset points forward), no alignment.

/** An inline scalar slot of a table. */
export interface Scalar {
  kind: "scalar";
  size: number;
  write: (view: DataView, at: number) => void;
}
/** Something a uoffset points to: a table, a vector or a string. */
export type Flat =
  | { kind: "table"; fields: Array<Scalar | Flat | undefined> }
  | { kind: "tables"; items: Flat[] }
  | { kind: "raw"; length: number; bytes: Uint8Array };

const scalar = (size: number, write: Scalar["write"]): Scalar => ({ kind: "scalar", size, write });
export const u8 = (v: number) => scalar(1, (d, at) => d.setUint8(at, v));
export const u16 = (v: number) => scalar(2, (d, at) => d.setUint16(at, v, true));
export const i32 = (v: number) => scalar(4, (d, at) => d.setInt32(at, v, true));
export const i64 = (v: number | bigint) => scalar(8, (d, at) => d.setBigInt64(at, BigInt(v), true));

/** A table whose field `i` is `fields[i]` (undefined: absent). */
export const table = (...fields: Array<Scalar | Flat | undefined>): Flat => ({
  kind: "table",
  fields,
});
/** A vector of tables. */
export const tables = (...items: Flat[]): Flat => ({ kind: "tables", items });
/** A vector whose length field says `length`, followed by `bytes` as they are. */
export const raw = (length: number, bytes: Uint8Array | number[]): Flat => ({
  kind: "raw",
  length,
  bytes: Uint8Array.from(bytes),
});
/** Little-endian int64 bytes. */
export const int64s = (...values: Array<number | bigint>): Uint8Array => {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return new Uint8Array(view.buffer);
};
/** Little-endian int32 bytes. */
export const int32s = (...values: number[]): Uint8Array => {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setInt32(i * 4, v, true));
  return new Uint8Array(view.buffer);
};
/** A vector of structs, each the int64s of one tuple (Arrow's FieldNode, Buffer, int64). */
export const structs = (...rows: Array<Array<number | bigint>>): Flat =>
  raw(rows.length, int64s(...rows.flat()));
/** A string. */
export const str = (text: string): Flat => {
  const bytes = new TextEncoder().encode(text);
  return raw(bytes.length, [...bytes, 0]);
};

class Writer {
  bytes: number[] = [];
  u32At(at: number, value: number) {
    for (let i = 0; i < 4; i += 1) this.bytes[at + i] = (value >>> (8 * i)) & 0xff;
  }
  reserve(size: number): number {
    const at = this.bytes.length;
    for (let i = 0; i < size; i += 1) this.bytes.push(0);
    return at;
  }
  /** Writes `flat` at the end and returns its position. */
  put(flat: Flat): number {
    if (flat.kind === "raw") {
      const at = this.reserve(4);
      this.u32At(at, flat.length);
      this.bytes.push(...flat.bytes);
      return at;
    }
    if (flat.kind === "tables") {
      const at = this.reserve(4 + 4 * flat.items.length);
      this.u32At(at, flat.items.length);
      flat.items.forEach((item, i) => this.link(at + 4 + 4 * i, item));
      return at;
    }
    return this.putTable(flat.fields);
  }
  link(slot: number, flat: Flat) {
    this.u32At(slot, this.put(flat) - slot);
  }
  putTable(fields: Array<Scalar | Flat | undefined>): number {
    const sizes = fields.map((f) => (f === undefined ? 0 : f.kind === "scalar" ? f.size : 4));
    const vtableSize = 4 + 2 * fields.length;
    const vtable = this.reserve(vtableSize);
    const at = this.reserve(4 + sizes.reduce((a, b) => a + b, 0));
    const data = new DataView(new ArrayBuffer(vtableSize));
    data.setUint16(0, vtableSize, true);
    data.setUint16(2, this.bytes.length - at, true);
    this.bytes.splice(vtable, vtableSize, ...new Uint8Array(data.buffer));
    this.u32At(at, at - vtable);
    let offset = 4;
    const links: Array<[number, Flat]> = [];
    fields.forEach((field, i) => {
      if (field === undefined) return;
      this.bytes[vtable + 4 + 2 * i] = offset & 0xff;
      this.bytes[vtable + 5 + 2 * i] = offset >> 8;
      if (field.kind === "scalar") {
        const cell = new DataView(new ArrayBuffer(field.size));
        field.write(cell, 0);
        this.bytes.splice(at + offset, field.size, ...new Uint8Array(cell.buffer));
      } else links.push([at + offset, field]);
      offset += sizes[i]!;
    });
    for (const [slot, flat] of links) this.link(slot, flat);
    return at;
  }
}

/** A FlatBuffer whose root (the uoffset at 0) is `root`. */
export const flatBuffer = (root: Flat): Uint8Array => {
  const writer = new Writer();
  writer.reserve(4);
  writer.link(0, root);
  return Uint8Array.from(writer.bytes);
};
