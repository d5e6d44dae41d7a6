export { checkOhlcv } from "./check-ohlcv";
export type { OhlcvTableInput } from "./check-ohlcv";
export { validateOhlcv } from "./validate-ohlcv";
export { parseTimestampText } from "./iso-timestamp";
export type { ParsedTimestamp } from "./iso-timestamp";
export { parseNumberText } from "./number-text";
export { MAX_REPORTED_ROWS } from "./violation-collector";
export { OHLCV_RULES, OHLCV_VALUE_COLUMNS } from "./types";
export type { OhlcvCheckOptions, OhlcvColumns, OhlcvReport, OhlcvRule, Violation } from "./types";
