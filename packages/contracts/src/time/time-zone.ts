import { ConfigError, closestMatches } from "@peak/errors";

const DAY = 86_400_000;

const knownZones = (): string[] => {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: every runtime we support has supportedValuesOf; the fallback is for older ones
  return [...(intl.supportedValuesOf?.("timeZone") ?? []), "UTC"];
};

/**
 * Checks a `timezone` option: an IANA zone name such as `America/New_York` (or `UTC`).
 *
 * @throws ConfigError naming `option`, with the closest zone names as a hint, when the zone is
 *   unknown to this runtime's `Intl`.
 */
export const checkTimeZone = (value: unknown, option = "timezone"): string | undefined => {
  if (value === undefined) return undefined;
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: Intl rejects a blank zone too; the test only skips the try
  if (typeof value === "string" && value.trim() !== "") {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      // unknown zone: reported below
    }
  }
  const text = typeof value === "string" ? value : typeof value;
  const near = typeof value === "string" ? closestMatches(value, knownZones()) : [];
  throw new ConfigError(`Unknown time zone \`${text}\` in \`${option}\``, {
    hint:
      near.length > 0
        ? `Did you mean ${near.map((z) => `\`${z}\``).join(" or ")}?`
        : "Pass an IANA zone name such as America/New_York, Europe/Berlin or UTC",
    context: { option, received: text },
  });
};

// UTC offset (ms) of `zone` at `instant`, from Intl's wall-clock parts: never the machine's TZ.
const offsetReader = (zone: string) => {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    era: "short",
  });
  return (instant: number): number => {
    const p: Record<string, number> = {};
    // Stryker disable next-line BooleanLiteral: the era part is always present (era: "short") and sets bc
    let bc = false;
    for (const part of format.formatToParts(instant)) {
      if (part.type === "era") bc = part.value.startsWith("B");
      // A stored "literal" part would never be read (the 2 surviving mutants here are equivalent;
      // a disable comment does not reach an else-if).
      else if (part.type !== "literal") p[part.type] = Number(part.value);
    }
    const year = bc ? 1 - (p.year as number) : (p.year as number);
    const wall = Date.UTC(year, (p.month as number) - 1, p.day, p.hour, p.minute, p.second);
    const d = new Date(wall);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: setting the same full year again changes nothing, only years 0-99 need it
    if (year >= 0 && year < 100) d.setUTCFullYear(year);
    return d.getTime() - Math.floor(instant / 1000) * 1000;
  };
};

/**
 * A reader of wall-clock times in `zone`: `(wallMs, previous) => instant`, where `wallMs` is
 * the wall time written as if it were UTC. DST-correct: a time that does not exist (skipped
 * by a spring-forward) gives NaN; an ambiguous one (repeated by a fall-back) is the earlier
 * instant unless that would not come after `previous`, then the later one (pandas'
 * `ambiguous="infer"` for sorted data). Offsets are cached per UTC day.
 */
export const createZoneReader = (zone: string) => {
  const offsetAt = offsetReader(zone);
  const byDay = new Map<number, number>();
  const offset = (instant: number): number => {
    const day = Math.floor(instant / DAY);
    const cached = byDay.get(day);
    // Stryker disable next-line ConditionalExpression: without the cache every offset is read exactly (speed only)
    if (cached !== undefined) return cached;
    const start = offsetAt(day * DAY);
    // A day that is not steady, or not cached, reads the instant's exact offset: these change speed only.
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: see above
    const steady = offsetAt(day * DAY + DAY - 1) === start;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound caps memory only
    if (steady && byDay.size < 1 << 16) byDay.set(day, start);
    return steady ? start : offsetAt(instant);
  };
  return (wall: number, previous = -Infinity): number => {
    if (!Number.isFinite(wall)) return Number.NaN;
    const early = wall - offset(wall - DAY);
    const late = wall - offset(wall + DAY);
    const earlyOk = early + offset(early) === wall;
    const lateOk = late + offset(late) === wall;
    if (earlyOk && lateOk) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: when both read back, early <= late (offsets fall back); the swap is a guard
      const [first, second] = early <= late ? [early, late] : [late, early];
      return first <= previous ? second : first;
    }
    if (earlyOk) return early;
    return lateOk ? late : Number.NaN;
  };
};
