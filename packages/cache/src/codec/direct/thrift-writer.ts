/**
 * A Thrift compact-protocol field: `[id, kind, value]`. Structs nest as arrays of fields, so a
 * Parquet footer or page header is written from plain data (field ids as in parquet.thrift).
 */
export type ThriftField =
  | [id: number, kind: "bool", value: boolean]
  | [id: number, kind: "i32" | "i64", value: number]
  | [id: number, kind: "byte", value: number]
  | [id: number, kind: "binary", value: string | Uint8Array]
  | [id: number, kind: "struct", value: ThriftField[]]
  | [id: number, kind: "i32-list", value: number[]]
  | [id: number, kind: "binary-list", value: string[]]
  | [id: number, kind: "struct-list", value: ThriftField[][]];

const TYPE = { bool: 1, byte: 3, i32: 5, i64: 6, binary: 8, list: 9, struct: 12 } as const;

/** Appends compact-protocol bytes to a growable byte list. */
class CompactWriter {
  readonly out: number[] = [];

  varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.out.push(v % 0x80 | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.out.push(v);
  }

  zigzag(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  binary(value: string | Uint8Array): void {
    const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value;
    this.varint(bytes.length);
    for (const byte of bytes) this.out.push(byte);
  }

  listHeader(size: number, type: number): void {
    if (size < 15) this.out.push((size << 4) | type);
    else {
      this.out.push(0xf0 | type);
      this.varint(size);
    }
  }

  struct(fields: readonly ThriftField[]): void {
    let last = 0;
    for (const field of fields) {
      const [id, kind, value] = field;
      const type =
        kind === "bool"
          ? value
            ? 1
            : 2
          : kind.endsWith("list")
            ? TYPE.list
            : TYPE[kind as keyof typeof TYPE];
      if (id > last && id - last <= 15) this.out.push(((id - last) << 4) | type);
      else {
        this.out.push(type);
        this.zigzag(id);
      }
      last = id;
      this.value(field);
    }
    this.out.push(0);
  }

  value([, kind, value]: ThriftField): void {
    switch (kind) {
      case "bool":
        return;
      case "byte":
        this.out.push(value & 0xff);
        return;
      case "i32":
      case "i64":
        this.zigzag(value);
        return;
      case "binary":
        this.binary(value);
        return;
      case "struct":
        this.struct(value);
        return;
      case "i32-list":
        this.listHeader(value.length, TYPE.i32);
        for (const item of value) this.zigzag(item);
        return;
      case "binary-list":
        this.listHeader(value.length, TYPE.binary);
        for (const item of value) this.binary(item);
        return;
      case "struct-list":
        this.listHeader(value.length, TYPE.struct);
        for (const item of value) this.struct(item);
    }
  }
}

/** The compact-protocol bytes of one struct. */
export const thriftStruct = (fields: readonly ThriftField[]): Uint8Array => {
  const writer = new CompactWriter();
  writer.struct(fields);
  return Uint8Array.from(writer.out);
};
