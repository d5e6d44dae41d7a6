import type { OhlcvCsvOptions } from "../csv-options";

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const T0 = Date.UTC(2024, 0, 1);
const rowsOf = (n: number, stamp: (i: number) => string, sep = ",") =>
  Array.from({ length: n }, (_, i) =>
    [stamp(i), 100 + i, 105 + i, 99 + i, 103 + i, 1000].join(sep),
  );

// Valid files of every layout the reader knows, as the starting points.
const BASES: readonly string[] = [
  [
    "timestamp,open,high,low,close,volume",
    ...rowsOf(8, (i) => new Date(T0 + i * 3.6e6).toISOString()),
  ].join("\n"),
  ["Date,Open,High,Low,Close,Adj Close,Volume", ...rowsOf(6, (i) => `2024-01-0${i + 1},1`)].join(
    "\n",
  ),
  rowsOf(6, (i) => `${T0 + i * 3.6e6}`).join("\n"),
  rowsOf(6, (i) => `${(T0 + i * 3.6e6) * 1000}`).join("\n"),
  [
    "timestamp;open;high;low;close;volume",
    ...rowsOf(6, (i) => `${T0 / 1000 + i * 3600}`, ";"),
  ].join("\n"),
  [
    "timestamp\topen\thigh\tlow\tclose\tvolume",
    ...rowsOf(6, (i) => `2024-03-10 0${i}:30`, "\t"),
  ].join("\r\n"),
  [
    '"timestamp","open","high","low","close","volume","sym"',
    ...rowsOf(5, (i) => `"${T0 + i}"`).map((r) => `${r},"A,B"`),
  ].join("\n"),
];

const PIECES = [
  "\n",
  "\r\n",
  ",",
  ";",
  "\t",
  '"',
  '""',
  "\u0000",
  "\u001b[31m",
  "\uFEFF",
  "\uD800",
  "é",
  "NaN",
  "-inf",
  "1e309",
  "-0",
  "0.25",
  "9007199254740993",
  "2024-02-30",
  "2024-03-10 02:30",
  "+99:99",
  "timestamp",
  " ",
  "",
];

const LAYOUTS = [undefined, "yahoo", "binance-klines", "ccxt"] as const;
const UNITS = [undefined, "auto", "s", "ms", "us", "ns"] as const;
const ZONES = [undefined, "America/New_York", "Asia/Kolkata", "UTC"] as const;

/** One fuzz case: hostile CSV text and the options to read it with. */
export interface FuzzCase {
  text: string;
  options: OhlcvCsvOptions;
}

/**
 * The case for `seed`: a valid base file hit by 1–8 mutations (byte flips, inserted
 * delimiters, quotes, line breaks, control characters, lone surrogates and odd numbers,
 * deleted or repeated spans, truncation, long and wide lines), read with random options.
 */
export const makeFuzzCase = (seed: number): FuzzCase => {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let text = pick(BASES);
  for (let m = 1 + Math.floor(rnd() * 8); m > 0; m--) {
    const at = Math.floor(rnd() * (text.length + 1));
    const span = Math.floor(rnd() * 40);
    const op = Math.floor(rnd() * 8);
    if (op === 0) text = text.slice(0, at) + pick(PIECES) + text.slice(at);
    else if (op === 1) text = text.slice(0, at) + text.slice(at + span);
    else if (op === 2)
      text =
        text.slice(0, at) +
        text.slice(at, at + span).repeat(1 + Math.floor(rnd() * 50)) +
        text.slice(at);
    else if (op === 3) text = text.slice(0, at);
    else if (op === 4 && text.length > 0) {
      const code = text.charCodeAt(Math.min(at, text.length - 1)) ^ (1 << Math.floor(rnd() * 8));
      text = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
    } else if (op === 5)
      text = text.slice(0, at) + "x".repeat(Math.floor(rnd() * 3000)) + text.slice(at);
    else if (op === 6)
      text = text.slice(0, at) + ",".repeat(Math.floor(rnd() * 2000)) + text.slice(at);
    else text = text.replace(/\d+(\.\d+)?/, pick(PIECES));
  }
  const options: Record<string, unknown> = {
    layout: pick(LAYOUTS),
    epochUnit: pick(UNITS),
    timezone: pick(ZONES),
    delimiter: rnd() < 0.8 ? undefined : pick([",", ";", "\t", "|", "auto"]),
    header: rnd() < 0.85 ? undefined : rnd() < 0.5,
    requireTz: rnd() < 0.7 ? undefined : rnd() < 0.5,
    maxColumns: rnd() < 0.9 ? undefined : 1 + Math.floor(rnd() * 20),
    maxLineBytes: rnd() < 0.9 ? undefined : 1 + Math.floor(rnd() * 200),
  };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  return { text, options: options as OhlcvCsvOptions };
};
