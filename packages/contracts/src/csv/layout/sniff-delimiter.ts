const CANDIDATES = [",", ";", "\t", "|"] as const;

/**
 * Picks the delimiter of a CSV file from its first line: whichever of `,` `;` tab `|` occurs
 * most often outside double quotes (`,` when none does, or on a tie with it).
 */
export const sniffDelimiter = (line: string): string => {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = (CANDIDATES as readonly string[]).indexOf(c as string);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  // Stryker disable next-line EqualityOperator: k = 4 reads counts[4], undefined, and undefined > n is false
  for (let k = 1; k < counts.length; k++) {
    if (counts[k]! > counts[best]!) best = k;
  }
  return CANDIDATES[best] as string;
};
