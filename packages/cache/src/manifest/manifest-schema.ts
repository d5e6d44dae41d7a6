import { z } from "zod";

/** The manifest format version this package reads and writes. */
export const MANIFEST_VERSION = 1;

const sha256Ref = z.string().regex(/^sha256:[0-9a-f]{64}$/, "expected sha256:<64 lower-case hex>");
const isoUtc = z.iso.datetime();

/** One file recorded in a manifest. */
export const manifestEntrySchema = z.object({
  /** Path relative to the manifest's folder, POSIX separators, never leaving the folder. */
  path: z.string().min(1),
  checksum: sha256Ref,
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
  /** Schema version of the file's content (your label). */
  schemaVersion: z.string().min(1),
  /** When the entry was recorded (ISO-8601 UTC). */
  addedAt: isoUtc,
});

/** The whole manifest JSON document. */
export const manifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  runId: z.string().min(1),
  gitSha: z.string().nullable(),
  configHash: z.string().nullable(),
  runtime: z.object({ name: z.string(), version: z.string() }),
  platform: z.object({ os: z.string(), arch: z.string() }),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  files: z.array(manifestEntrySchema),
});

/** One file recorded in a manifest. */
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** The manifest JSON document (what `toJSON()` returns and `save()` writes). */
export type ManifestData = z.infer<typeof manifestSchema>;
