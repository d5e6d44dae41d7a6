import { describe, expect, it } from "vitest";
import { sampleSteps } from "../__fixtures__/trading";
import type { PartialStep, StepField } from "./step";
import { fieldMask, presentFields } from "./field-mask";

const OPTIONAL: readonly Exclude<StepField, "index">[] = [
  "timestamp",
  "bar",
  "cash",
  "positions",
  "prices",
  "equity",
  "fees",
  "fills",
  "dataTimestamp",
];

// The sample engine's first step, with step-level fees added so that every field is present.
const fullStep = (): PartialStep => ({ ...sampleSteps()[0]!, fees: 0 });

describe("presentFields", () => {
  it("has every field's bit for a full step", () => {
    expect(presentFields(fullStep())).toBe(fieldMask(["index", ...OPTIONAL]));
  });

  it.each(OPTIONAL)("drops exactly the bit of a missing %s", (field) => {
    const step = fullStep();
    delete step[field];
    const others = OPTIONAL.filter((f) => f !== field);
    expect(presentFields(step)).toBe(fieldMask(["index", ...others]));
    // A step that lacks the field cannot satisfy an invariant that requires it.
    const required = fieldMask([field]);
    expect(presentFields(step) & required).toBe(0);
  });

  it("counts a field holding null or 0 as present (only undefined is absent)", () => {
    expect(presentFields({ index: 0, cash: 0, fees: 0 })).toBe(
      fieldMask(["index", "cash", "fees"]),
    );
  });
});
