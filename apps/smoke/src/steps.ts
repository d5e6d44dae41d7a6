import { isPeakTradeError, toError } from "@peak/errors";

/** The outcome of one pipeline step. */
export interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
  /** Step-specific results for `--json` (e.g. the backtest's digest). */
  facts?: Record<string, unknown>;
  /** The error that failed the step, for `--json` (a `PeakTradeError`'s JSON without its stack). */
  error?: Record<string, unknown>;
}

/** What a step function returns: its value, a detail line, and optional facts for `--json`. */
export type StepOutput<T> = [T, string] | [T, string, Record<string, unknown>];

const errorFacts = (error: unknown): Record<string, unknown> | undefined => {
  if (!isPeakTradeError(error)) return undefined;
  const { stack: _stack, ...json } = error.toJSON();
  return json as unknown as Record<string, unknown>;
};

/** Runs pipeline steps in order, timing each and turning a throw into a failed step. */
export class StepRunner {
  readonly results: StepResult[] = [];
  readonly #onStep: (result: StepResult) => void;

  constructor(onStep: (result: StepResult) => void) {
    this.#onStep = onStep;
  }

  /** Runs `fn`; it returns a detail line, or throws to fail the step. */
  async step<T>(
    name: string,
    fn: () => Promise<StepOutput<T>> | StepOutput<T>,
  ): Promise<T | undefined> {
    const start = performance.now();
    try {
      const [value, detail, facts] = await fn();
      const ms = performance.now() - start;
      this.record({ name, ok: true, ms, detail, ...(facts !== undefined ? { facts } : {}) });
      return value;
    } catch (error) {
      const detail = isPeakTradeError(error)
        ? error.toString().replace(/\n/g, " | ")
        : toError(error).message;
      const json = errorFacts(error);
      this.record({
        name,
        ok: false,
        ms: performance.now() - start,
        detail,
        ...(json ? { error: json } : {}),
      });
      return undefined;
    }
  }

  get ok(): boolean {
    return this.results.every((r) => r.ok);
  }

  private record(result: StepResult): void {
    this.results.push(result);
    this.#onStep(result);
  }
}

/** One human line per step: mark, name, detail, time. */
export const formatStep = (r: StepResult): string =>
  `${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(18)} ${r.detail} (${r.ms.toFixed(1)} ms)`;
