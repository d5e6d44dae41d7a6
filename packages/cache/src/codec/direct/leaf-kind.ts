import { num, sub, type ThriftStruct } from "../thrift-compact";
import { PHYSICAL, type DirectColumn } from "./direct-columns";

const INT_32 = 17;
const INT_64 = 18;
const TIMESTAMP_MILLIS = 9;

// LogicalType INTEGER(bitWidth, signed) of a schema element, if it is that.
const isSignedInt = (logical: ThriftStruct | undefined, bits: number): boolean => {
  const int = sub(logical, 10);
  return int !== undefined && num(int, 1) === bits && int.get(2) === true;
};

/**
 * The direct reader's kind for a Parquet schema leaf, or undefined when only the general reader
 * handles it: other physical or logical types, zone-less or non-ms timestamps, repeated fields.
 */
export const leafKind = (
  leaf: ThriftStruct,
  pandasNaive: ReadonlySet<string>,
): DirectColumn["kind"] | undefined => {
  if (leaf.has(5) || num(leaf, 3) === 2) return undefined;
  const physical = num(leaf, 1, -1);
  const converted = leaf.get(6);
  const logical = sub(leaf, 10);
  const plain = converted === undefined && logical === undefined;
  if (physical === PHYSICAL.DOUBLE) return plain ? "double" : undefined;
  if (physical === PHYSICAL.FLOAT) return plain ? "float" : undefined;
  if (physical === PHYSICAL.INT32) {
    const signed = logical === undefined || isSignedInt(logical, 32);
    return signed && (converted === undefined || converted === INT_32) ? "int32" : undefined;
  }
  if (physical !== PHYSICAL.INT64) return undefined;
  const stamp = sub(logical, 8);
  if (stamp === undefined) {
    const signed = logical === undefined || isSignedInt(logical, 64);
    return signed && (converted === undefined || converted === INT_64) ? "int64" : undefined;
  }
  const millis = sub(sub(stamp, 2), 1) !== undefined;
  const name = new TextDecoder().decode(leaf.get(4) as Uint8Array);
  const utc = stamp.get(1) === true && !pandasNaive.has(name);
  const legacy = converted === undefined || converted === TIMESTAMP_MILLIS;
  return millis && utc && legacy ? "timestamp-ms-utc" : undefined;
};
