// Library option spellings in hints and messages → the CLI flags that set them.
const FLAGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/requireTz: false/g, "--no-require-tz"],
  [/timezone: "([^"]*)"/g, "--timezone $1"],
  [/epochUnit: "s" \/ "ms" \/ "us" \/ "ns"/g, "--epoch-unit s|ms|us|ns"],
  [/epochUnit: "(\w+)"/g, "--epoch-unit $1"],
  [/columns: \{ (\w+): "([^"]*)" \}/g, "--columns $1=$2"],
  [/\(columns\.(\w+) = "([^"]*)"\)/g, "(--columns $1=$2)"],
  [/header: false/g, "--no-header"],
  [/layout: "([\w-]+)"/g, "--layout $1"],
  [/allowPartialNans: true/g, "--allow-partial-nans"],
  [/\bmaxLineBytes\b/g, "--max-line-bytes"],
  [/\bmaxColumns\b/g, "--max-columns"],
];

/** A hint or message with library option names replaced by `peak-smoke validate` flags. */
export const cliText = (text: string): string =>
  FLAGS.reduce((t, [pattern, flag]) => t.replace(pattern, flag), text);
