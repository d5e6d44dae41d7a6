import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { configRefusal as refusal } from "../__fixtures__/refusal";
import { stableHash } from "./stable-hash";

// The public limit itself: a million containers. vitest.mutation.config.ts leaves this file out
// (about 60 s under Stryker's instrumentation, for each of ~125 mutants); the same lines are
// covered there by container-limit.test.ts with a limit of 1,000.
describe("hostile objects", () => {
  it("refuses a DAG of 55 objects whose shared references expand past a million", () => {
    const nodes: Record<string, unknown>[] = Array.from({ length: 55 }, (_, id) => ({ id }));
    nodes.forEach((node, i) => {
      if (i + 1 < nodes.length) node.left = nodes[i + 1];
      if (i + 2 < nodes.length) node.right = nodes[i + 2];
    });
    const error = refusal(() => stableHash(nodes[0]));
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toMatch(
      /^Cannot canonicalise \$\.left\..*: the value has more than 1,000,000 objects and arrays \(shared references count each time\)$/,
    );
  });
});
