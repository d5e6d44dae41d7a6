// The same checks as checkOhlcv, written as arquero expressions (counts per rule only).
import * as aq from "arquero";
import type { ColumnTable } from "arquero";

const { op } = aq;

type Row = Record<string, number>;

export const arqueroCheck = (table: ColumnTable): object =>
  table
    .derive({ prev: (d: Row) => op.lag(d.timestamp) })
    .rollup({
      invalid_timestamp: (d: Row) => op.sum(op.is_finite(d.timestamp) ? 0 : 1),
      unsorted: (d: Row) => op.sum(d.timestamp < d.prev ? 1 : 0),
      duplicate: (d: Row) => op.sum(d.timestamp === d.prev ? 1 : 0),
      nan_open: (d: Row) => op.sum(op.is_nan(d.open) ? 1 : 0),
      nan_high: (d: Row) => op.sum(op.is_nan(d.high) ? 1 : 0),
      nan_low: (d: Row) => op.sum(op.is_nan(d.low) ? 1 : 0),
      nan_close: (d: Row) => op.sum(op.is_nan(d.close) ? 1 : 0),
      nan_volume: (d: Row) => op.sum(op.is_nan(d.volume) ? 1 : 0),
      inf_open: (d: Row) => op.sum(op.is_finite(d.open) || op.is_nan(d.open) ? 0 : 1),
      inf_high: (d: Row) => op.sum(op.is_finite(d.high) || op.is_nan(d.high) ? 0 : 1),
      inf_low: (d: Row) => op.sum(op.is_finite(d.low) || op.is_nan(d.low) ? 0 : 1),
      inf_close: (d: Row) => op.sum(op.is_finite(d.close) || op.is_nan(d.close) ? 0 : 1),
      inf_volume: (d: Row) => op.sum(op.is_finite(d.volume) || op.is_nan(d.volume) ? 0 : 1),
      nonpos_open: (d: Row) => op.sum(d.open <= 0 ? 1 : 0),
      nonpos_high: (d: Row) => op.sum(d.high <= 0 ? 1 : 0),
      nonpos_low: (d: Row) => op.sum(d.low <= 0 ? 1 : 0),
      nonpos_close: (d: Row) => op.sum(d.close <= 0 ? 1 : 0),
      high_below_low: (d: Row) => op.sum(d.high < d.low ? 1 : 0),
      range_open: (d: Row) =>
        op.sum(d.high >= d.low && (d.open < d.low || d.open > d.high) ? 1 : 0),
      range_close: (d: Row) =>
        op.sum(d.high >= d.low && (d.close < d.low || d.close > d.high) ? 1 : 0),
      negative_volume: (d: Row) => op.sum(d.volume < 0 ? 1 : 0),
    })
    .object();
