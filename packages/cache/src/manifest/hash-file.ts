import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 (lower-case hex) and size of a file, streamed in 1 MiB chunks. */
export const hashFile = async (path: string): Promise<{ hex: string; size: number }> => {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { hex: hash.digest("hex"), size };
};
