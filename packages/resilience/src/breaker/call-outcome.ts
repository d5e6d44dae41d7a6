/** How a call ended, as the breaker sees it. */
export type CallOutcome = "success" | "failure" | "ignored";
