import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, connect, type AddressInfo } from "node:net";
import * as ccxt from "ccxt";
import { afterEach, describe, expect, it } from "vitest";
import { isTransientError } from "./is-transient-error";
import { retryWithBackoff } from "./retry";

// Issue 14, point 2, against real errors: real sockets on loopback and real CCXT clients.
const servers: { close(): unknown }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const listen = async (server: Server | ReturnType<typeof createServer>): Promise<number> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
};

// A loopback port that nothing listens on: bound once, then released.
const closedPort = async (): Promise<number> => {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const caught = async (run: () => Promise<unknown>): Promise<unknown> =>
  run().then(
    () => undefined,
    (error: unknown) => error,
  );

// An HTTP server that resets the first `resets` connections and then answers "ok".
const flakyServer = async (resets: number): Promise<string> => {
  let seen = 0;
  const server = createHttpServer((_, res) => res.end("ok"));
  server.on("connection", (socket) => {
    if (seen++ < resets) socket.resetAndDestroy();
  });
  return `http://127.0.0.1:${await listen(server)}/`;
};

describe("isTransientError on real network errors", () => {
  it("is true for fetch to a closed loopback port (fetch failed, cause ECONNREFUSED)", async () => {
    const error = await caught(async () => fetch(`http://127.0.0.1:${await closedPort()}/`));
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
    expect(isTransientError(error)).toBe(true);
  });

  it("is true for a socket reset by a local server (ECONNRESET)", async () => {
    const server = createServer((socket) => socket.resetAndDestroy());
    const port = await listen(server);
    const error = await caught(
      () =>
        new Promise((resolve, reject) => {
          const socket = connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\n\r\n"));
          socket.on("error", reject).on("close", resolve);
        }),
    );
    expect(error).toMatchObject({ code: "ECONNRESET" });
    expect(isTransientError(error)).toBe(true);
  });

  it("is true for fetch over a reset connection", async () => {
    const error = await caught(async () => fetch(await flakyServer(1)));
    expect(isTransientError(error)).toBe(true);
  });

  it("lets retryWithBackoff retry a reset fetch by default", async () => {
    const url = await flakyServer(2);
    const retry = retryWithBackoff({ baseDelayMs: 0, maxAttempts: 3 });
    const body = await retry.execute(({ signal }) => fetch(url, { signal }).then((r) => r.text()));
    expect(body).toBe("ok");
  });
});

describe("isTransientError on real CCXT errors (a local exchange stand-in)", () => {
  const exchange = new ccxt.Exchange({ timeout: 5_000 });
  const standIn = async (status: number): Promise<string> => {
    const server = createHttpServer((_, res) => res.writeHead(status).end("{}"));
    return `http://127.0.0.1:${await listen(server)}/api/v3/ticker`;
  };

  it("is true for the NetworkError of a closed port", async () => {
    const error = await caught(async () =>
      exchange.fetch(`http://127.0.0.1:${await closedPort()}/`),
    );
    expect(error).toBeInstanceOf(ccxt.NetworkError);
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    [503, "ExchangeNotAvailable"],
    [429, "RateLimitExceeded"],
    [504, "RequestTimeout"],
  ])("is true for HTTP %i (%s)", async (status, name) => {
    const error = await caught(async () => exchange.fetch(await standIn(status)));
    expect((error as Error).constructor.name).toBe(name);
    expect(isTransientError(error)).toBe(true);
  });

  it("is false for HTTP 401 (AuthenticationError), unless the caller adds the class", async () => {
    const error = await caught(async () => exchange.fetch(await standIn(401)));
    expect(error).toBeInstanceOf(ccxt.AuthenticationError);
    expect(isTransientError(error)).toBe(false);
    const retryOn = (e: unknown) => isTransientError(e) || e instanceof ccxt.AuthenticationError;
    expect(retryOn(error)).toBe(true);
  });
});
