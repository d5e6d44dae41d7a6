/** The top-level `--help` text. */
export const MAIN_HELP = `peak-smoke — run the Peak stability kit end to end

Usage:
  peak-smoke [run] [--rows N] [--seed N] [--out DIR] [--keep] [--redis URL] [--json]
                   [--strategy NAME] [--strategy-config JSON] [--inject BUG] [--list-strategies]
  peak-smoke validate <file|-> [--json] [--strict|--no-strict] [--require-tz|--no-require-tz]
                             [--allow-partial-nans] [--columns a=B,…] [--delimiter C]
                             [--layout yahoo|binance-klines|ccxt] [--no-header]
                             [--epoch-unit auto|s|ms|us|ns] [--timezone ZONE]
                             [--interval DUR] [--calendar 24/7|weekdays]
                             [--max-missing-bars N] [--fail-on-warnings]
  peak-smoke verify <manifest.json> [--json]
  peak-smoke strategies [--json]
  peak-smoke --help | <command> --help
  peak-smoke --version

Exit codes: 0 success, 1 violations found / invalid / a step failed, 2 unreadable input or bad arguments,
130 / 143 interrupted by SIGINT / SIGTERM (temporary files removed).
`;

/** Per-command help texts. */
export const COMMAND_HELP: Record<string, string> = {
  run: `peak-smoke run — the whole pipeline on seeded synthetic OHLCV data

Options:
  --rows N     bars to generate (default 100000)
  --seed N     seed for the generator (default 42)
  --out DIR    folder for the cache files (default: a fresh temporary folder, removed
               after the run)
  --keep       keep that temporary folder
  --redis URL  share the flaky provider's breaker state through Redis (redis://host:port)
  --json       print one JSON summary instead of one line per step
  --strategy NAME
               strategy of the backtest step (default ma_crossover; see peak-smoke strategies)
  --strategy-config JSON
               the strategy's config, checked with parseConfig, e.g. '{"fast":5,"slow":20}'
  --inject BUG run a deliberately broken strategy instead: lookahead, overspend or bad-fill;
               its BacktestInvariantError fails the backtest step (exit 1)
  --list-strategies
               list the strategies (same as peak-smoke strategies) and exit

Steps: repro context, generate bars, validate, atomic Parquet write with SHA-256 sidecar,
manifest, verified read, corruption detection, backtest with every invariant on (trades, final
equity, a digest equal across runs with one seed), flaky provider through retry + breaker,
dead provider opening the breaker, health report. Exit 0 only if every step did what it should.
`,
  validate: `peak-smoke validate <file> — check an OHLCV file against the data contract

Formats by extension: .csv (header timestamp,open,high,low,close,volume), .parquet, .arrow;
- reads CSV from stdin.

Options:
  --json                    print exactly one JSON object: the checkOhlcv report plus "file",
                            each violation with "lines" (1-based file lines, CSV); on exit 2
                            { "error": { name, code, message, hint } }
  --strict / --no-strict    check values, or only structure (default --strict)
  --require-tz / --no-require-tz
                            reject timestamps without a zone (default --require-tz);
                            with --no-require-tz they are read as UTC
  --allow-partial-nans      allow NaN in the volume column
  --columns a=B,…           map our names to the file's, e.g. --columns timestamp=Date,close=Close
  --delimiter C             field delimiter (default: sniffed from the header; "tab" for a tab)
  --layout NAME             yahoo, binance-klines or ccxt
  --no-header               the file has no header: columns are positional
  --epoch-unit UNIT         auto (default: from the magnitudes), s, ms, us or ns
  --timezone ZONE           IANA zone of zone-less timestamps, e.g. America/New_York
  --max-line-bytes N        longest line accepted (default 1048576)
  --max-columns N           most columns accepted (default 10000)
  --interval DUR            bar interval for the quality warnings (500ms, 30s, 1m, 1h, 1d, 1w;
                            default: the median spacing, shown in the report)
  --calendar 24/7|weekdays  when bars are expected (default 24/7)
  --max-missing-bars N      missing bars a gap may have before it is a warning (default 1)
  --fail-on-warnings        exit 1 on quality warnings too

Quality warnings (gap, irregular_interval, stale_price, price_jump, zero_volume) are printed
after the violations and included in --json; they do not change the exit code by default.

Exit codes: 0 clean, 1 violations found, 2 unreadable file or bad arguments.
`,
  verify: `peak-smoke verify <manifest.json> — check a cache manifest and its files

Options:
  --json    print one JSON object { manifest, valid, errors }

Exit codes: 0 valid, 1 invalid (each problem listed), 2 unreadable manifest.
`,
  strategies: `peak-smoke strategies — the registered backtest strategies

Lists each strategy with a one-line description and its config keys (with defaults), and the
broken strategies --inject accepts. Same as peak-smoke run --list-strategies.

Options:
  --json    print one JSON object { strategies: [{ name, description, configKeys, defaults }], default, inject }
`,
};
