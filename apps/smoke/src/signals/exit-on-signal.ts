// SIGINT / SIGTERM during any command: remove the registered temp files, then exit with the
// conventional status (128 + signal number: 130 for SIGINT, 143 for SIGTERM).
import { removeRegistered } from "./temp-registry";

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Installs the handlers (once per process). What is still
 * registered at a normal exit (a command that threw midway) is removed then.
 */
export function exitCleanlyOnSignals(): void {
  process.once("exit", removeRegistered);
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.once(signal, () => {
      try {
        removeRegistered();
      } finally {
        process.stderr.write(`peak-smoke: interrupted by ${signal}; temporary files removed\n`);
        process.exit(code);
      }
    });
  }
}
