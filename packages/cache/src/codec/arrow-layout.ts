import { check, type FlatView } from "./flatbuffer-view";

/** How one top-level column is laid out in a record batch: its buffers after the validity bitmap. */
export type ColumnLayout =
  | { kind: "null" }
  | { kind: "bits" }
  | { kind: "fixed"; width: number }
  | { kind: "var"; offsetWidth: 4 | 8 };

// Arrow's `Type` union ids (Schema.fbs) of the flat types whose buffers can be checked exactly.
const T = { Null: 1, Int: 2, Float: 3, Binary: 4, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Time: 9 };
const T2 = {
  Timestamp: 10,
  Interval: 11,
  FixedSizeBinary: 15,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
};

const int = (view: FlatView, table: number | undefined, field: number, fallback: number) => {
  const at = table === undefined ? undefined : view.field(table, field);
  return at === undefined ? fallback : view.i32(at);
};
const short = (view: FlatView, table: number | undefined, field: number, fallback: number) => {
  const at = table === undefined ? undefined : view.field(table, field);
  return at === undefined ? fallback : view.u16(at);
};

const widthOf = (view: FlatView, typeId: number, type: number | undefined): number | undefined => {
  switch (typeId) {
    case T.Int:
    case T.Decimal:
    case T.Time: {
      const [field, fallback] =
        typeId === T.Int ? [0, 0] : typeId === T.Decimal ? [2, 128] : [1, 32];
      const width = int(view, type, field, fallback) / 8;
      check([1, 2, 4, 8, 16, 32].includes(width), `bad bit width ${width * 8}`);
      return width;
    }
    case T.Float:
      // Precision: HALF (the FlatBuffers default, which writers leave out), SINGLE, DOUBLE.
      return [2, 4, 8][short(view, type, 0, 0)];
    case T.Date:
      return short(view, type, 0, 1) === 0 ? 4 : 8;
    case T2.Timestamp:
    case T2.Duration:
      return 8;
    case T2.Interval:
      return [4, 8, 16][short(view, type, 0, 0)];
    case T2.FixedSizeBinary: {
      const width = int(view, type, 0, 0);
      check(width >= 0, `bad byte width ${width}`);
      return width;
    }
    // Stryker disable next-line ConditionalExpression: without its return the switch falls out of the function, which returns undefined all the same
    default:
      return undefined;
  }
};

const layoutOf = (view: FlatView, field: number): ColumnLayout | undefined => {
  const dictionaryAt = view.field(field, 4);
  if (dictionaryAt !== undefined) {
    // Dictionary-encoded: the column holds integer keys of the index type (default int32).
    const encoding = view.deref(dictionaryAt);
    const indexAt = view.field(encoding, 1);
    const width = int(view, indexAt === undefined ? undefined : view.deref(indexAt), 0, 32) / 8;
    check([1, 2, 4, 8].includes(width), `bad dictionary index width ${width * 8}`);
    return { kind: "fixed", width };
  }
  const typeIdAt = view.field(field, 2);
  const typeId = typeIdAt === undefined ? 0 : view.u8(typeIdAt);
  const typeAt = view.field(field, 3);
  const type = typeAt === undefined ? undefined : view.deref(typeAt);
  if (typeId === T.Null) return { kind: "null" };
  if (typeId === T.Bool) return { kind: "bits" };
  if (typeId === T.Binary || typeId === T.Utf8) return { kind: "var", offsetWidth: 4 };
  if (typeId === T2.LargeBinary || typeId === T2.LargeUtf8) return { kind: "var", offsetWidth: 8 };
  const width = widthOf(view, typeId, type);
  return width === undefined ? undefined : { kind: "fixed", width };
};

/** Checks a `[KeyValue]` metadata vector (field `index` of `table`): every entry and string in bounds. */
export const checkKeyValues = (view: FlatView, table: number, index: number): void => {
  const at = view.field(table, index);
  if (at === undefined) return;
  const { first, length } = view.vector(at, 4);
  for (let i = 0; i < length; i += 1) {
    const entry = view.deref(first + i * 4);
    for (const part of [0, 1]) {
      const stringAt = view.field(entry, part);
      if (stringAt !== undefined) view.vector(stringAt, 1);
    }
  }
};

// Checks what a decoder reads of a field besides its layout: name, metadata, nested children.
const checkField = (view: FlatView, field: number, depth: number): void => {
  check(depth <= 32, "schema nested too deep");
  const nameAt = view.field(field, 0);
  if (nameAt !== undefined) view.vector(nameAt, 1);
  checkKeyValues(view, field, 6);
  const childrenAt = view.field(field, 5);
  if (childrenAt === undefined) return;
  const { first, length } = view.vector(childrenAt, 4);
  for (let i = 0; i < length; i += 1) checkField(view, view.deref(first + i * 4), depth + 1);
};

/**
 * The layouts of a schema's top-level columns, or undefined when a column is nested (lists,
 * structs, unions, maps, views): those batches get the generic bounds checks only.
 */
export const schemaLayouts = (view: FlatView, schema: number): ColumnLayout[] | undefined => {
  checkKeyValues(view, schema, 2);
  const featuresAt = view.field(schema, 3);
  if (featuresAt !== undefined) view.vector(featuresAt, 8);
  const fieldsAt = view.field(schema, 1);
  if (fieldsAt === undefined) return [];
  const { first, length } = view.vector(fieldsAt, 4);
  const layouts: Array<ColumnLayout | undefined> = [];
  for (let i = 0; i < length; i += 1) {
    const field = view.deref(first + i * 4);
    checkField(view, field, 0);
    layouts.push(layoutOf(view, field));
  }
  return layouts.every((l) => l !== undefined) ? layouts : undefined;
};
