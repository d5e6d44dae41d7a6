// What a Parquet file's footer says, read through the structure check, for the codec's tests.
import { checkParquetStructure } from "../parquet-structure";
import { list, num, sub, text, type ThriftStruct } from "../thrift-compact";

/** The footer's `created_by`: "@peak/cache" from the direct writer, "parquet-rs …" from arrow-rs. */
export const createdBy = (bytes: Uint8Array): string | undefined =>
  text(checkParquetStructure(bytes).footer, 6);

/** Each column's name → its first chunk's codec and whether it has a dictionary page. */
export const chunks = (bytes: Uint8Array): Record<string, { codec: number; dictionary: boolean }> => {
  const [group] = list(checkParquetStructure(bytes).footer, 4) as ThriftStruct[];
  return Object.fromEntries(
    (list(group, 1) as ThriftStruct[]).map((chunk) => {
      const meta = sub(chunk, 3)!;
      const [name] = list(meta, 3) as Uint8Array[];
      return [new TextDecoder().decode(name), { codec: num(meta, 4), dictionary: meta.has(11) }];
    }),
  );
};

/** The file's key/value metadata. */
export const keyValues = (bytes: Uint8Array): Map<string, string> =>
  checkParquetStructure(bytes).keyValues;
