import { constants } from "node:fs";
import { access } from "node:fs/promises";
import type { CacheManifest } from "@peak/cache";
import { PeakTradeError } from "@peak/errors";
import { HealthCheck, type CircuitBreaker } from "@peak/resilience";
import type { StepRunner } from "./steps";

interface HealthInputs {
  out: string;
  manifest: CacheManifest | undefined;
  breakers: readonly CircuitBreaker[];
}

/**
 * Registers the cache folder and manifest as critical checks and each breaker as a
 * non-critical one. The dead provider's open breaker must make the report `warn`, not `fail`.
 */
export async function runHealthStep(runner: StepRunner, { out, manifest, breakers }: HealthInputs) {
  await runner.step("health report", async () => {
    const health = new HealthCheck();
    health.register("cache_dir_writable", () => access(out, constants.W_OK), { timeoutMs: 1_000 });
    health.register(
      "cache_manifest",
      async () => {
        if (manifest === undefined) return { status: "fail", message: "no manifest was written" };
        const { valid, errors } = await manifest.validate();
        return {
          healthy: valid,
          message: valid ? "manifest and files match" : `${errors.length} problem(s)`,
          details: { errors },
        };
      },
      { timeoutMs: 5_000 },
    );
    for (const breaker of breakers)
      health.registerBreaker(breaker, { critical: false, timeoutMs: 1_000 });
    const report = await health.run();
    const failing = Object.values(report.checks)
      .filter((c) => c.status !== "pass")
      .map((c) => c.name);
    const expected = breakers
      .filter((b) => b.state !== "closed")
      .map((b) => `circuit_breaker_${b.name}`);
    if (report.status === "fail" || failing.join() !== expected.join()) {
      throw new PeakTradeError(`unexpected health report: ${report.status}`, {
        context: { failing, expected },
      });
    }
    const { passed, warned, failed } = report.summary;
    return [
      report,
      `${report.status}: ${passed} passed, ${warned} warned, ${failed} failed (${failing.join(", ") || "none"})`,
    ];
  });
}
