// ISO stamps around every rule of the timestamp grammar: each field at and past its range, leap
// days, every separator, fraction and zone spelling, and malformed zones.
export const STAMPS = [
  ...["2024-01-01", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2100-02-28"],
  ...["0000-01-01", "9999-12-31", "2024-04-30", "2024-04-31", "2024-12-31", "2024-01-32"],
  ...["2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024/01/01", "2024-01-01X"],
  ...["2024-12-31T23:59:59.999Z", "2024-01-01T00:00:00Z", "2024-01-01 00:00", "2024-01-01t10:05z"],
  ...["2024-01-01T10:00:00,5+05:30", "2024-01-01T10:00:00.123456-0530", "2024-01-01T10:00+05"],
  ...["2024-01-01T10:00-23:59", "2024-01-01T10:00:00.9999", "1969-12-31T23:59:59.999+00:00"],
  ...["2024-01-01T24:00", "2024-01-01T23:60", "2024-01-01T23:59:60", "2024-01-01T12:00+24"],
  ...["2024-01-01T12:00+05:60", "2024-01-01T12:00+0560", "2024-01-01T12:00+05300", "2024-01-01T1"],
  ...["2024-01-01T12:00+5", "2024-01-01T12:00Zx", "2024-01-01T12:00:00.Z", "2024-01-01T12.5"],
  ...["2024-01-01T12:00:00.", "2024-01-01T12:00.5Z", "2024-01-01T12:00:5", "2024-01-01T12-00"],
  ...["2024-03-01T00:00:00-00:01", "2024-01-01T09:09:09.090+09:09", "2024-01-01T12:00+05-30"],
];

// Stand-ins for one character: digits at the ends of their range and the bytes just outside
// ("/" and ":" around the digits), and every separator the grammar knows.
const SUBSTITUTES = ["0", "9", "/", ":", "-", "+", "T", "t", " ", "Z", "z", ".", ",", "x"];

/** `text` with each character replaced in turn by each substitute (`text` itself not among them). */
export const variants = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const c of SUBSTITUTES) {
      if (c !== text[i]) out.push(text.slice(0, i) + c + text.slice(i + 1));
    }
  }
  return out;
};
