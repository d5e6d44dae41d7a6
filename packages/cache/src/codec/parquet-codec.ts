import type * as ParquetWasmModule from "parquet-wasm";
import { checkParquetStructure } from "./parquet-structure";

/** Parquet page compression. @defaultValue "snappy" */
export type ParquetCompression = "snappy" | "zstd" | "uncompressed";

type ParquetWasm = typeof ParquetWasmModule;
let loaded: Promise<ParquetWasm> | undefined;

// parquet-wasm's Node build instantiates WebAssembly on import: load it on first use only.
const parquetWasm = (): Promise<ParquetWasm> => (loaded ??= import("parquet-wasm"));

/** Converts Arrow IPC stream bytes to Parquet with parquet-wasm (arrow-rs), keeping the Arrow schema. */
export const encodeParquet = async (
  ipcStream: Uint8Array,
  compression: ParquetCompression,
): Promise<Uint8Array> => {
  const pw = await parquetWasm();
  const codec = {
    snappy: pw.Compression.SNAPPY,
    zstd: pw.Compression.ZSTD,
    uncompressed: pw.Compression.UNCOMPRESSED,
  }[compression];
  const props = new pw.WriterPropertiesBuilder().setCompression(codec).build();
  return pw.writeParquet(pw.Table.fromIPCStream(ipcStream), props);
};

/**
 * Converts Parquet bytes to Arrow IPC stream bytes with parquet-wasm, after checking their
 * structure ({@link checkParquetStructure}) so damaged lengths never reach the WebAssembly.
 *
 * @throws {StructureError} or parquet-wasm's error when the bytes are damaged.
 */
export const decodeParquet = async (bytes: Uint8Array): Promise<Uint8Array> => {
  checkParquetStructure(bytes);
  const pw = await parquetWasm();
  return pw.readParquet(bytes).intoIPCStream();
};
