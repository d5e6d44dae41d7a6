import type { Stats } from "node:fs";

/** What kind of file a path is, in words a user knows ("FIFO", "directory", …). */
export const fileKind = (
  stats: Pick<
    Stats,
    | "isFile"
    | "isDirectory"
    | "isFIFO"
    | "isSocket"
    | "isCharacterDevice"
    | "isBlockDevice"
    | "isSymbolicLink"
  >,
): string => {
  if (stats.isFile()) return "regular file";
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "FIFO (named pipe)";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSymbolicLink()) return "symbolic link";
  return "special file";
};
