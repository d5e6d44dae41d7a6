import { ProviderError } from "@peak/errors";

/** A provider that fails `failures` times with a retryable ProviderError, then answers. */
export function flakyProvider<T>(failures: number, answer: T) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fetch(): Promise<T> {
      calls += 1;
      if (calls <= failures) {
        return Promise.reject(
          new ProviderError(`flaky provider failed (call ${calls} of ${failures + 1})`, {
            context: { provider: "flaky", call: calls },
          }),
        );
      }
      return Promise.resolve(answer);
    },
  };
}

/** A provider that is down: every call fails with a retryable ProviderError. */
export function deadProvider() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fetch(): Promise<never> {
      calls += 1;
      return Promise.reject(
        new ProviderError("dead provider: connection refused", {
          context: { provider: "dead", call: calls },
        }),
      );
    },
  };
}
