// Data pages as arrow-rs (parquet-wasm) writes them, to check our snappy against another engine.
import * as aq from "arquero";
import { encodeParquet, type ParquetCompression } from "../../parquet-codec";
import { checkParquetStructure } from "../../parquet-structure";
import { CompactReader, list, num, sub, type ThriftStruct } from "../../thrift-compact";

/** One stored page: its bytes as written and the uncompressed size its header gives. */
export interface StoredPage {
  readonly stored: Uint8Array;
  readonly size: number;
}

/** Every page of a one-column float64 table of `values`, written by arrow-rs with `compression`. */
export const arrowRsPages = async (
  values: Float64Array,
  compression: ParquetCompression,
): Promise<StoredPage[]> => {
  const ipc = aq.table({ x: values }).toArrowIPC({ format: "stream" });
  const bytes = await encodeParquet(ipc, compression, undefined, ["x"]);
  const pages: StoredPage[] = [];
  for (const group of list(checkParquetStructure(bytes).footer, 4) as ThriftStruct[]) {
    for (const chunk of list(group, 1) as ThriftStruct[]) {
      const meta = sub(chunk, 3);
      let pos = num(meta, 9);
      const end = pos + num(meta, 7);
      while (pos < end) {
        const reader = new CompactReader(bytes, pos, end);
        const header = reader.struct();
        pos = reader.pos + num(header, 3);
        pages.push({ stored: bytes.subarray(reader.pos, pos), size: num(header, 2) });
      }
    }
  }
  return pages;
};

/** Column shapes of market data: smooth prices, small cycles, steps, constants, random walks. */
export const SHAPES: Record<string, (i: number) => number> = {
  smooth: (i) => 100 + Math.sin(i),
  cycle: (i) => i % 13,
  steps: (i) => Math.floor(i / 50),
  constant: () => 0,
  cents: (i) => 100 + Math.round(Math.sin(i / 7) * 1000) / 100,
};
