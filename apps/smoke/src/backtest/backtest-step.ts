import { createInvariantChecker, type ReproIds } from "@peak/invariants";
import { stableHash } from "@peak/repro";
import type { StepRunner } from "../steps";
import type { Bars } from "../synthetic-bars";
import { runBacktest, type EngineConfig } from "./engine";
import type { BacktestPlan } from "./plan";

/** The simulated account every smoke backtest starts with. */
export const ENGINE: EngineConfig = { initialCash: 100_000, feeRate: 0.001, maxPosition: 10_000 };

/**
 * Runs the planned strategy over the bars with every built-in invariant on (strictness
 * `raise`): trades, final equity and a digest of the result that depends only on the seed,
 * the strategy and its config. A violation fails the step with the `BacktestInvariantError`.
 */
export async function runBacktestStep(
  runner: StepRunner,
  bars: Bars,
  plan: BacktestPlan,
  repro: ReproIds & { dataDigest?: string | undefined },
): Promise<void> {
  await runner.step("backtest", () => {
    const checker = createInvariantChecker({
      strictness: "raise",
      context: repro,
      positionLimit: ENGINE.maxPosition,
    });
    const strategy = plan.spec.create(plan.config);
    const result = runBacktest(bars, strategy, ENGINE, (step) => checker.check(step));
    const trades = result.fills.length;
    const finalEquity = Math.round(result.finalEquity * 100) / 100;
    const digest = stableHash({
      strategy: plan.strategy,
      config: plan.config,
      engine: ENGINE,
      seed: repro.seed ?? null,
      dataDigest: repro.dataDigest ?? null,
      fills: result.fills,
      finalEquity: result.finalEquity,
    });
    const { skipped } = checker.report();
    const facts = {
      strategy: plan.strategy,
      config: plan.config,
      trades,
      finalEquity,
      digest,
      invariants: checker.invariants,
      skipped,
    };
    const detail =
      `${plan.strategy}: ${trades} trades, final equity ${finalEquity.toFixed(2)}, ` +
      `${checker.invariants.length} invariants held on ${result.steps} steps, digest ${digest.slice(0, 16)}`;
    return [result, detail, facts];
  });
}
