import { createHash } from "node:crypto";

/** SHA-256 hex of `bytes`, from node:crypto (the reference our hashers must match). */
export const sha256 = (bytes: Uint8Array): string =>
  createHash("sha256").update(bytes).digest("hex");

/** `size` deterministic, non-repeating-looking bytes; another `seed` gives other bytes. */
export const pattern = (size: number, seed = 0): Uint8Array =>
  Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed * 7 + (i >>> 12)) & 255);
