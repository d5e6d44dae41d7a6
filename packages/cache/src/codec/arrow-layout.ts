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
      return [2, 4, 8][short(view, type, 0, 2)];
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

/**
 * The layouts of a schema's top-level columns, or undefined when a column is nested (lists,
 * structs, unions, maps, views): those batches get the generic bounds checks only.
 */
export const schemaLayouts = (view: FlatView, schema: number): ColumnLayout[] | undefined => {
  const fieldsAt = view.field(schema, 1);
  if (fieldsAt === undefined) return [];
  const { first, length } = view.vector(fieldsAt, 4);
  const layouts: ColumnLayout[] = [];
  for (let i = 0; i < length; i += 1) {
    const layout = layoutOf(view, view.deref(first + i * 4));
    if (layout === undefined) return undefined;
    layouts.push(layout);
  }
  return layouts;
};
