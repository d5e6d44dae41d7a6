import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/** Marker in every temporary file name, so a sweep never touches anything else. */
export const TEMP_MARKER = ".peaktmp-";

/** `.<name>.peaktmp-<pid>-<16 hex>`: hidden, beside the target, unique per call. */
export const tempPathFor = (path: string): string =>
  join(
    dirname(path),
    `.${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(8).toString("hex")}`,
  );

/** Lock file guarding the data/sidecar swap of `path`: `.<name>.peaklock`. */
export const lockPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.peaklock`);

const TEMP_NAME = /^\..+\.peaktmp-(\d+)-[0-9a-f]{16}$/;
const LOCK_NAME = /^\..+\.peaklock$/;

/** What a file name in a cache folder is, as far as the sweep cares. */
export type LeftoverKind = { kind: "temp"; pid: number } | { kind: "lock" } | { kind: "other" };

/** Classifies a file name: one of our temporary files (with its writer's pid), a lock, or other. */
export const classifyName = (name: string): LeftoverKind => {
  const temp = TEMP_NAME.exec(name);
  if (temp?.[1] !== undefined) return { kind: "temp", pid: Number(temp[1]) };
  return LOCK_NAME.test(name) ? { kind: "lock" } : { kind: "other" };
};
