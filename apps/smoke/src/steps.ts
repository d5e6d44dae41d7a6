import { isPeakTradeError, toError } from "@peak/errors";

/** The outcome of one pipeline step. */
export interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

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
    fn: () => Promise<[T, string]> | [T, string],
  ): Promise<T | undefined> {
    const start = performance.now();
    try {
      const [value, detail] = await fn();
      this.record({ name, ok: true, ms: performance.now() - start, detail });
      return value;
    } catch (error) {
      const detail = isPeakTradeError(error)
        ? error.toString().replace(/\n/g, " | ")
        : toError(error).message;
      this.record({ name, ok: false, ms: performance.now() - start, detail });
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
