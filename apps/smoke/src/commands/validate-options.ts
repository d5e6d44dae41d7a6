/** The `validate` flags that choose how a file is read (added to the CLI's option table). */
export const VALIDATE_OPTIONS = {
  columns: { type: "string" },
  delimiter: { type: "string" },
  layout: { type: "string" },
  "no-header": { type: "boolean" },
  "epoch-unit": { type: "string" },
  timezone: { type: "string" },
  "max-line-bytes": { type: "string" },
  "max-columns": { type: "string" },
} as const;
