import type { PartialStep, StepField } from "./step";

const BITS: Readonly<Record<StepField, number>> = {
  index: 1,
  timestamp: 2,
  bar: 4,
  cash: 8,
  positions: 16,
  prices: 32,
  equity: 64,
  fees: 128,
  fills: 256,
  dataTimestamp: 512,
};

/** The bit mask of `fields`, to compare with {@link presentFields}. */
export const fieldMask = (fields: readonly StepField[]): number =>
  fields.reduce((mask, field) => mask | BITS[field], 0);

/** The bit mask of the fields `step` has (not `undefined`): one pass of plain property reads. */
export const presentFields = (step: PartialStep): number =>
  1 |
  (step.timestamp !== undefined ? 2 : 0) |
  (step.bar !== undefined ? 4 : 0) |
  (step.cash !== undefined ? 8 : 0) |
  (step.positions !== undefined ? 16 : 0) |
  (step.prices !== undefined ? 32 : 0) |
  (step.equity !== undefined ? 64 : 0) |
  (step.fees !== undefined ? 128 : 0) |
  (step.fills !== undefined ? 256 : 0) |
  (step.dataTimestamp !== undefined ? 512 : 0);
