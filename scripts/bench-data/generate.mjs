// Real-looking 1-minute OHLCV bars as CSV: a seeded geometric random walk in 0.0001 ticks,
// UTC ISO-8601 timestamps (`2005-01-03T14:30:00.000Z`), integer volumes. Deterministic: the
// same rows and seed give the same bytes, so a cached file can be checked by size and SHA-256.
import { closeSync, openSync, writeSync } from "node:fs";

export const GENERATOR_VERSION = 1;
export const HEADER = "timestamp,open,high,low,close,volume\n";
const START_MS = Date.UTC(2005, 0, 3);
const DAY_MS = 86_400_000;
const TICKS = 10_000;

/** mulberry32: a small seeded 32-bit PRNG returning floats in [0, 1). */
const uniform = (seed) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const normal = (next) => () =>
  Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

const price = (ticks) => {
  const frac = ticks % TICKS;
  return `${(ticks - frac) / TICKS}.${frac < 10 ? "000" : frac < 100 ? "00" : frac < 1000 ? "0" : ""}${frac}`;
};

const pad2 = (n) => (n < 10 ? `0${n}` : `${n}`);

/** One step of the walk in 0.0001 ticks: the bar after `state.ticks`, advancing the state. */
const step = (state, minute) => {
  const open = state.ticks;
  // ~0.05% per minute, mean-reverting towards the start level so 10M steps stay plausible.
  const drift = -0.00002 * Math.log(open / state.base);
  const close = Math.max(TICKS, Math.round(open * Math.exp(drift + 0.0005 * state.z())));
  const high = Math.max(open, close) + Math.round(Math.abs(state.z()) * open * 0.0002);
  const low = Math.max(1, Math.min(open, close) - Math.round(Math.abs(state.z()) * open * 0.0002));
  const volume = Math.round(20_000 + 900_000 * state.u() * state.u() + (minute < 30 ? 500_000 : 0));
  state.ticks = close;
  return { open, high, low, close, volume };
};

export const walk = (seed) => {
  const u = uniform(seed);
  return { ticks: 4_500 * TICKS, base: 4_500 * TICKS, z: normal(u), u, day: undefined };
};

/** Appends rows [from, to) to a string; `state` carries the walk between chunks. */
export const rows = (state, from, to) => {
  let out = "";
  for (let i = from; i < to; i++) {
    const minute = i % 1440;
    if (minute === 0 || state.day === undefined) {
      state.day = new Date(START_MS + Math.floor(i / 1440) * DAY_MS).toISOString().slice(0, 11);
    }
    const b = step(state, minute);
    const hhmm = `${pad2((minute / 60) | 0)}:${pad2(minute % 60)}`;
    out += `${state.day}${hhmm}:00.000Z,${price(b.open)},${price(b.high)},${price(b.low)},${price(b.close)},${b.volume}\n`;
  }
  return out;
};

/** The same bars as Float64Array columns (timestamp in epoch ms), for the in-memory runs. */
export const barColumns = (count, seed = 19) => {
  const state = walk(seed);
  const names = ["timestamp", "open", "high", "low", "close", "volume"];
  const c = Object.fromEntries(names.map((n) => [n, new Float64Array(count)]));
  for (let i = 0; i < count; i++) {
    const b = step(state, i % 1440);
    c.timestamp[i] = START_MS + i * 60_000;
    c.open[i] = b.open / TICKS;
    c.high[i] = b.high / TICKS;
    c.low[i] = b.low / TICKS;
    c.close[i] = b.close / TICKS;
    c.volume[i] = b.volume;
  }
  return c;
};

// Byte-level formatting for the big files: the same text as `rows`, without building strings.
const putInt = (buf, at, n) => {
  let len = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) len++;
  for (let k = at + len - 1; k >= at; k--, n = Math.floor(n / 10)) buf[k] = 48 + (n % 10);
  return at + len;
};

const putPrice = (buf, at, ticks) => {
  const frac = ticks % TICKS;
  let p = putInt(buf, at, (ticks - frac) / TICKS);
  buf[p++] = 46; // "."
  for (let d = 1000; d >= 1; d /= 10) buf[p++] = 48 + (Math.floor(frac / d) % 10);
  return p;
};

/** Formats rows [from, to) into `buf`; returns the byte count. */
const rowBytes = (state, from, to, buf) => {
  let p = 0;
  for (let i = from; i < to; i++) {
    const minute = i % 1440;
    if (minute === 0 || state.dayBytes === undefined) {
      const day = new Date(START_MS + Math.floor(i / 1440) * DAY_MS).toISOString().slice(0, 11);
      state.dayBytes = Buffer.from(day, "latin1");
    }
    const b = step(state, minute);
    p += state.dayBytes.copy(buf, p);
    const hh = (minute / 60) | 0;
    const mm = minute % 60;
    buf[p++] = 48 + ((hh / 10) | 0);
    buf[p++] = 48 + (hh % 10);
    buf[p++] = 58; // ":"
    buf[p++] = 48 + ((mm / 10) | 0);
    buf[p++] = 48 + (mm % 10);
    p += buf.write(":00.000Z,", p, "latin1");
    for (const ticks of [b.open, b.high, b.low, b.close]) {
      p = putPrice(buf, p, ticks);
      buf[p++] = 44; // ","
    }
    p = putInt(buf, p, b.volume);
    buf[p++] = 10; // "\n"
  }
  return p;
};

/** Writes `count` data rows (plus the header) to `path`; returns the byte count. */
export const writeBarsCsv = (path, count, seed = 19) => {
  const state = walk(seed);
  const chunk = 50_000;
  const buf = Buffer.allocUnsafe(chunk * 128);
  const fd = openSync(path, "w");
  let bytes = 0;
  try {
    bytes += writeSync(fd, HEADER);
    for (let from = 0; from < count; from += chunk) {
      const n = rowBytes(state, from, Math.min(count, from + chunk), buf);
      for (let at = 0; at < n; ) at += writeSync(fd, buf, at, n - at);
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
};
