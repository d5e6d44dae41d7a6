// The one way the structure checks' tests expect a failure: a StructureError, its exact reason.
import { expect } from "vitest";
import { StructureError } from "../flatbuffer-view";

/** Expects `run` to throw a StructureError whose message is exactly `reason`. */
export const throwsStructure = (run: () => unknown, reason: string): void => {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StructureError);
  expect((caught as Error).message).toBe(reason);
};
