// Arrow Schema and Field tables (Schema.fbs) by hand, for the layout checks' tests.
import { schemaLayouts } from "../arrow-layout";
import { FlatView } from "../flatbuffer-view";
import { build, i32, str, table, tables, u8, type Flat } from "./flat-builder";
import { throwsStructure } from "./structure-error";

export interface FieldSpec {
  /** The name (field 0): "f" when not given, none when given as undefined. */
  name?: Flat | undefined;
  /** The `Type` union id (field 2); absent when undefined. */
  typeId?: number;
  /** The type table (field 3). */
  type?: Flat;
  /** A DictionaryEncoding table (field 4). */
  dictionary?: Flat;
  /** Child fields (field 5). */
  children?: Flat;
  /** Custom metadata, a vector of KeyValue (field 6). */
  metadata?: Flat;
}

/** A Field table. */
export const field = (spec: FieldSpec): Flat =>
  table(
    "name" in spec ? spec.name : str("f"),
    undefined,
    spec.typeId === undefined ? undefined : u8(spec.typeId),
    spec.type,
    spec.dictionary,
    spec.children,
    spec.metadata,
  );

/** A Field of type `typeId` whose type table has `fields`. */
export const typed = (typeId: number, ...fields: Array<Flat | undefined>): Flat =>
  field({ typeId, type: table(...fields) });

/** A KeyValue table. */
export const keyValue = (key?: Flat, value?: Flat): Flat => table(key, value);

/** A Schema table of `fields`, with metadata (field 2) and features (field 3) when given. */
export const schema = (fields: Flat[] | undefined, metadata?: Flat, features?: Flat): Flat =>
  table(undefined, fields === undefined ? undefined : tables(...fields), metadata, features);

/** An Int type table of `bitWidth` bits. */
export const int = (bitWidth: number): Flat => table(i32(bitWidth), u8(1));

/** The layouts schemaLayouts reads from `root`, a Schema table. */
export const layoutsOf = (root: Flat) => {
  const built = build(root);
  return schemaLayouts(new FlatView(built.bytes, 0, built.bytes.length), built.root);
};

/** Expects reading the layouts of `root` to fail with a StructureError saying exactly `reason`. */
export const refusedSchema = (root: Flat, reason: string): void =>
  throwsStructure(() => layoutsOf(root), reason);
