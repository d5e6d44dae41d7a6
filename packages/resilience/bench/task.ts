/** One benchmark task: `run` performs `batch` awaited calls. */
export interface Task {
  scenario: "baseline" | "a" | "b" | "c" | "d";
  lib: string;
  batch: number;
  run: () => Promise<void>;
}

/** The value every passing call resolves to (one shared settled promise). */
export const okValue = Promise.resolve(42);

const noop = (): void => undefined;

/** `batch` awaited calls of `call`. */
export const loop = (batch: number, call: () => Promise<unknown>) => async () => {
  for (let i = 0; i < batch; i += 1) await call();
};

/** `batch` awaited calls of `call`, each rejection caught. */
export const loopCatch = (batch: number, call: () => Promise<unknown>) => async () => {
  for (let i = 0; i < batch; i += 1) await call().catch(noop);
};
