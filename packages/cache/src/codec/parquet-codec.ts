import type * as ParquetWasmModule from "parquet-wasm";
import { checkParquetStructure, type ParquetFacts } from "./parquet-structure";

/** Parquet page compression. @defaultValue "snappy" */
export type ParquetCompression = "snappy" | "zstd" | "uncompressed";

type ParquetWasm = typeof ParquetWasmModule;
let loaded: Promise<ParquetWasm> | undefined;

// parquet-wasm's Node build instantiates WebAssembly on import: load it on first use only.
const parquetWasm = (): Promise<ParquetWasm> => (loaded ??= import("parquet-wasm"));

/**
 * Converts Arrow IPC stream bytes to Parquet with parquet-wasm (arrow-rs), keeping the Arrow
 * schema. `plainColumns` (floats, timestamps) skip dictionary encoding: their values rarely
 * repeat, so the dictionary attempt only costs time (it halved arrow-rs' write time here).
 */
export const encodeParquet = async (
  ipcStream: Uint8Array,
  compression: ParquetCompression,
  keyValues?: Map<string, string>,
  // Stryker disable next-line ArrayDeclaration: the default is only iterated, and a made-up column name turns off the dictionary of no column
  plainColumns: readonly string[] = [],
): Promise<Uint8Array> => {
  const pw = await parquetWasm();
  const codec = {
    snappy: pw.Compression.SNAPPY,
    zstd: pw.Compression.ZSTD,
    uncompressed: pw.Compression.UNCOMPRESSED,
  }[compression];
  let builder = new pw.WriterPropertiesBuilder().setCompression(codec);
  // Stryker disable next-line ConditionalExpression: parquet-wasm takes an undefined map as none (the footer keeps only ARROW:schema, tested), so the guard only saves a call
  if (keyValues !== undefined) builder = builder.setKeyValueMetadata(keyValues);
  for (const name of plainColumns) builder = builder.setColumnDictionaryEnabled(name, false);
  const props = builder.build();
  return pw.writeParquet(pw.Table.fromIPCStream(ipcStream), props);
};

/**
 * Converts Parquet bytes to Arrow IPC stream bytes (and the footer's key/value metadata) with
 * parquet-wasm, after checking their structure ({@link checkParquetStructure}, or the `facts`
 * such a check returned) so damaged lengths never reach the WebAssembly.
 *
 * @throws {StructureError} or parquet-wasm's error when the bytes are damaged.
 */
export const decodeParquet = async (
  bytes: Uint8Array,
  facts: ParquetFacts = checkParquetStructure(bytes),
): Promise<{ ipc: Uint8Array; keyValues: Map<string, string> }> => {
  const { keyValues } = facts;
  const pw = await parquetWasm();
  return { ipc: pw.readParquet(bytes).intoIPCStream(), keyValues };
};
