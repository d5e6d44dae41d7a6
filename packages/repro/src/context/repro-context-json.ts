import { ConfigError } from "@peak/errors";
import { REPRO_CONTEXT_SCHEMA_VERSION, type ReproContextData } from "./repro-context-data";
import { isRunId } from "./run-id";
import { encodeSeed, type Seed } from "../rng/seed";
import { typeOf } from "../hash/value-type";

/** A hex commit SHA, full or abbreviated. */
export const HEX_SHA = /^[0-9a-f]{4,64}$/;
/** A lower-case hex digest of 16 to 128 characters. */
export const HASH = /^[0-9a-f]{16,128}$/;
const TEXT_FIELDS = ["nodeVersion", "platform", "arch"] as const;

const bad = (field: string, expected: string, got: unknown): never => {
  throw new ConfigError(`Invalid ReproContext JSON: \`${field}\` must be ${expected}`, {
    hint: "Pass the output of ctx.toJSON() (or its JSON text) unchanged",
    context: { field, got: typeOf(got) },
  });
};

/** Validates unknown input (JSON text or a parsed object) and returns context data. */
export const parseContextJson = (input: unknown): ReproContextData => {
  const raw = typeof input === "string" ? parseText(input) : input;
  if (typeOf(raw) !== "object") return bad("(root)", "an object", raw);
  const obj = raw as Record<string, unknown>;
  if (obj.schemaVersion !== REPRO_CONTEXT_SCHEMA_VERSION) {
    bad("schemaVersion", String(REPRO_CONTEXT_SCHEMA_VERSION), obj.schemaVersion);
  }
  if (!isRunId(obj.runId)) bad("runId", "a lower-case UUIDv7 string", obj.runId);
  if (obj.gitSha !== null && !(typeof obj.gitSha === "string" && HEX_SHA.test(obj.gitSha))) {
    bad("gitSha", "null or a hex commit SHA", obj.gitSha);
  }
  if (typeof obj.configHash !== "string" || !HASH.test(obj.configHash)) {
    bad("configHash", "a lower-case hex digest", obj.configHash);
  }
  for (const field of TEXT_FIELDS) {
    if (typeof obj[field] !== "string") bad(field, "a string", obj[field]);
  }
  if (typeof obj.createdAt !== "string" || Number.isNaN(Date.parse(obj.createdAt))) {
    bad("createdAt", "an ISO 8601 date string", obj.createdAt);
  }
  return {
    runId: obj.runId as string,
    seed: parseSeed(obj.seed, obj.seedType),
    gitSha: obj.gitSha as string | null,
    configHash: obj.configHash as string,
    nodeVersion: obj.nodeVersion as string,
    platform: obj.platform as string,
    arch: obj.arch as string,
    createdAt: obj.createdAt as string,
    packages: parsePackages(obj.packages),
  };
};

const parseText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError("Invalid ReproContext JSON: the text does not parse", {
      hint: "Pass the output of JSON.stringify(ctx) unchanged",
      cause: error,
    });
  }
};

const parseSeed = (seed: unknown, seedType: unknown): Seed => {
  if (seedType === "string" && typeof seed === "string") return encodeSeed(seed) && seed;
  if (seedType === "integer" && typeof seed === "number") return encodeSeed(seed) && seed;
  if (seedType === "integer" && typeof seed === "string" && /^\d+$/.test(seed)) return BigInt(seed);
  return bad("seed", 'a seed matching `seedType` ("integer" or "string")', seed);
};

const parsePackages = (packages: unknown): Record<string, string> => {
  if (typeOf(packages) !== "object") return bad("packages", "an object", packages);
  const out: Record<string, string> = {};
  for (const [name, version] of Object.entries(packages as object)) {
    if (typeof version !== "string") bad(`packages.${name}`, "a version string", version);
    // defineProperty: a "__proto__" key stays data, never a prototype change.
    Object.defineProperty(out, name, {
      value: version,
      enumerable: true,
      // Stryker disable next-line BooleanLiteral: ReproContext copies packages with a spread, which reads values only
      writable: true,
      // Stryker disable next-line BooleanLiteral: as above, the copy never sees the descriptor
      configurable: true,
    });
  }
  return out;
};
