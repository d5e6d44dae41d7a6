// Shorthands for the direct reader's tests over hand-built files.
import { expect } from "vitest";
import { StructureError } from "../../flatbuffer-view";
import { PHYSICAL } from "../direct-columns";
import { readParquetDirect } from "../parquet-direct-read";
import { doubles, handParquet, present, type HandFile, type HandPage } from "./hand-parquet";

/** Reads a hand-built file with the direct reader (`naive`: pandas' zone-less columns). */
export const read = (file: HandFile, naive: string[] = []) => {
  const { bytes, footer } = handParquet(file);
  return readParquetDirect(bytes, footer, new Set(naive));
};
/** A PLAIN page of doubles, with all-present definition levels unless `levels` is false. */
export const page = (values: number[], levels = true): HandPage => ({
  body: Uint8Array.from([...(levels ? present(values.length) : []), ...doubles(values)]),
  values: values.length,
});
/** A file of one optional double column "x" in one page; `chunk` overrides the chunk's fields. */
export const one = (values: number[], chunk: object = {}): HandFile => ({
  leaves: [{ name: "x", type: PHYSICAL.DOUBLE }],
  groups: [{ rows: values.length, chunks: [{ pages: [page(values)], ...chunk }] }],
});
/** Expects the direct reader to refuse `file` with a StructureError saying `reason`. */
export const fails = (file: HandFile, reason: string): void => {
  expect(() => read(file)).toThrow(StructureError);
  expect(() => read(file)).toThrow(reason);
};
