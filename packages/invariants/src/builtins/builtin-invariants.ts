import type { Invariant } from "../invariant/invariant";
import { cashAccounting } from "./cash-accounting";
import { equityIdentity } from "./equity-identity";
import { fillWithinBar } from "./fill-within-bar";
import { monotonicTime } from "./monotonic-time";
import { noLookahead } from "./no-lookahead";
import { nonNegativeCash } from "./non-negative-cash";
import { nonNegativeFees } from "./non-negative-fees";
import { positionLimit } from "./position-limit";

/** Every built-in invariant, in the order the checker runs them. */
export const BUILTIN_INVARIANTS: readonly Invariant[] = Object.freeze([
  monotonicTime,
  noLookahead,
  fillWithinBar,
  nonNegativeCash,
  positionLimit,
  nonNegativeFees,
  equityIdentity,
  cashAccounting,
]);

/** The built-in invariant names, as configs spell them. */
export const BUILTIN_INVARIANT_NAMES = Object.freeze(BUILTIN_INVARIANTS.map((i) => i.name));
