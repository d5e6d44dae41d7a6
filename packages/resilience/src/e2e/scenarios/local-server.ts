import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A local HTTP server on a free loopback port; `close()` stops it. */
export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts a loopback HTTP server. `onConnection` may reset a socket (return true to stop
 * there); `handler` answers requests.
 */
export const startServer = async (
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  onConnection: (socket: Socket) => void = () => undefined,
): Promise<LocalServer> => {
  const server = createServer(handler);
  server.on("connection", onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
