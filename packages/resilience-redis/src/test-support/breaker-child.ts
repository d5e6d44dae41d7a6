// A worker process for the multi-process tests: one breaker shared through the Redis store,
// driven over IPC by the test. Messages in: { id, cmd: "call", fail } | { id, cmd: "state" }.
import { ProviderError } from "@peak/errors";
import { circuitBreaker } from "@peak/resilience";
import { createRedisBreakerStore } from "@peak/resilience-redis";

const env = (key: string): string => process.env[key] ?? "";
const send = (message: unknown): void => {
  process.send?.(message);
};

const store = createRedisBreakerStore({
  redis: env("REDIS_URL"),
  namespace: env("NAMESPACE"),
  pollIntervalMs: 100,
  reconnectIntervalMs: 100,
  commandTimeoutMs: 300,
  logger: { warn: (message) => send({ type: "log", message }) },
});
const breaker = circuitBreaker({
  name: "exchange",
  failureThreshold: 2,
  recoveryTimeoutMs: Number(env("RECOVERY_MS") || 500),
  store,
});
process.on("unhandledRejection", (error) =>
  send({ type: "log", message: `unhandled: ${String(error)}` }),
);
breaker.onStateChange(({ from, to, reason }) => send({ type: "change", from, to, reason }));

const handle = async (message: { id: number; cmd: string; fail?: boolean }) => {
  if (message.cmd === "call") {
    const result = await breaker.tryExecute(() =>
      message.fail === true ? Promise.reject(new ProviderError("down")) : "ok",
    );
    const code = result.ok ? null : (result.error as { code?: string }).code;
    return { ok: result.ok, code, state: breaker.state };
  }
  return { state: breaker.state, connected: store.connected };
};

if (env("MODE") === "exit") {
  // Leaves the store open on purpose: its timers and sockets must not keep Node alive, while
  // the awaited ready() must (nothing else holds the process open here).
  void store.ready(Number(env("READY_MS") || 5_000)).then(async (ok) => {
    await breaker.tryExecute(() => Promise.reject(new ProviderError("down")));
    await breaker.tryExecute(() => Promise.reject(new ProviderError("down")));
    console.log(ok ? `connected, ${breaker.state}` : `not connected, ${breaker.state}`);
  });
} else {
  process.on("message", (message: { id: number; cmd: string; fail?: boolean }) => {
    void handle(message).then((reply) => send({ type: "reply", id: message.id, ...reply }));
  });
  process.on("disconnect", () => {
    void store.close().then(() => process.exit(0));
  });
  void store.ready(5_000).then((ok) => send({ type: "ready", ok }));
}
