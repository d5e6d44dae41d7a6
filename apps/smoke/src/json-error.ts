import { isPeakTradeError, toError } from "@peak/errors";
import { cliText } from "./commands/validate-hints";

/** The one JSON object `--json` prints on exit 2: `{ "error": { name, code, message, hint } }`. */
export const jsonError = (error: unknown): string => {
  const e = toError(error);
  const peak = isPeakTradeError(error) ? error : undefined;
  const hint = peak?.hint === undefined ? null : cliText(peak.hint);
  const body = {
    name: e.name,
    code: peak?.code ?? "UNEXPECTED",
    message: cliText(e.message),
    hint,
  };
  return `${JSON.stringify({ error: body })}\n`;
};
