/**
 * Splits one CSV line (no line break inside) into fields, honouring RFC 4180 double quotes:
 * `"a,b"` is one field and `""` inside quotes is a literal quote. The slow path, used only for
 * lines that contain a quote.
 */
export const splitQuotedLine = (
  text: string,
  start: number,
  end: number,
  sep: string,
): string[] => {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
};

/** Header names: trimmed, quotes removed, a leading byte-order mark dropped. */
export const splitHeader = (line: string, sep: string): string[] =>
  splitQuotedLine(line.replace(/^\uFEFF/, ""), 0, line.replace(/^\uFEFF/, "").length, sep).map(
    (name) => name.trim(),
  );
