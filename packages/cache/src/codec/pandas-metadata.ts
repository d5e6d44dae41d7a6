interface FieldLike {
  name: string;
  type: { typeId: number; bitWidth?: number; timezone?: string | null; signed?: boolean };
}

// Arrow type id → pandas_type / numpy_type, as pyarrow records them.
const pandasType = (type: FieldLike["type"]): [string, string] => {
  switch (type.typeId) {
    case 10:
      return type.timezone ? ["datetimetz", "datetime64[ns]"] : ["datetime", "datetime64[ns]"];
    case 3:
      return ["float64", "float64"];
    case 2: {
      const name = `${type.signed === false ? "uint" : "int"}${type.bitWidth ?? 64}`;
      return [name, name];
    }
    case 6:
      return ["bool", "bool"];
    case 5:
      return ["unicode", "object"];
    default:
      return ["object", "object"];
  }
};

/**
 * The `pandas` key/value metadata for a Parquet file: with a zoned `timestamp` column it is
 * declared the index, so `pandas.read_parquet` returns a UTC `DatetimeIndex` named `timestamp`
 * (what the original Python layer's `validate_ohlcv` expects). Undefined without one.
 */
export const pandasMetadata = (
  table: { schema: { fields: unknown } },
  indexName = "timestamp",
): string | undefined => {
  const fields = table.schema.fields as FieldLike[];
  const index = fields.find((f) => f.name === indexName);
  if (index === undefined || index.type.typeId !== 10 || !index.type.timezone) return undefined;
  const columns = fields.map((field) => {
    const [pandas, numpy] = pandasType(field.type);
    const zone = field.type.typeId === 10 && field.type.timezone ? { timezone: "UTC" } : null;
    return {
      name: field.name,
      field_name: field.name,
      pandas_type: pandas,
      numpy_type: numpy,
      metadata: zone,
    };
  });
  return JSON.stringify({
    index_columns: [indexName],
    column_indexes: [
      {
        name: null,
        field_name: null,
        pandas_type: "unicode",
        numpy_type: "object",
        metadata: { encoding: "UTF-8" },
      },
    ],
    columns,
    creator: { library: "@peak/cache", version: "0" },
    pandas_version: "2.2.0",
  });
};
