// Thrift compact-protocol bytes by hand, for the reader's tests.
import { expect } from "vitest";
import { StructureError } from "../flatbuffer-view";
import { CompactReader, type ThriftStruct } from "../thrift-compact";

/** An unsigned LEB128 varint. */
export const varint = (value: bigint): number[] => {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  return [...out, Number(v)];
};
/** A zigzag-encoded signed integer as a varint. */
export const zigzag = (n: bigint): number[] => varint(n >= 0n ? n << 1n : (-n << 1n) - 1n);
export const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Reads `bytes` as one struct from the start. */
export const read = (bytes: number[]): ThriftStruct => {
  const data = Uint8Array.from(bytes);
  return new CompactReader(data, 0, data.length).struct();
};
/** Expects reading `bytes` to fail with a StructureError saying `reason`. */
export const fails = (bytes: number[], reason: string): void => {
  expect(() => read(bytes)).toThrow(StructureError);
  expect(() => read(bytes)).toThrow(reason);
};
