// Node DuckDB peer (@duckdb/node-api): the rules of rules.sql on a CSV, printed as JSON like
// peer_validate.py. Usage: node node-duckdb-validate.mjs <file.csv>
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DRIVERS, importFromCache } from "../paths.mjs";

const path = process.argv[2];
const sql = (name) =>
  readFileSync(join(DRIVERS, name), "utf8").replaceAll("{path}", path.replaceAll("'", "''"));
const { DuckDBInstance, version } = await importFromCache("@duckdb/node-api");
const instance = await DuckDBInstance.create(":memory:");
const con = await instance.connect();
const [row] = (await con.runAndReadAll(sql("rules.sql"))).getRowObjectsJS();
const counts = Object.fromEntries(
  Object.entries(row).map(([k, v]) => [
    k === "adjacent_duplicates" ? "duplicate_timestamps" : k,
    Number(v ?? 0),
  ]),
);
const rows = counts.rows;
delete counts.rows;
if (counts.unsorted_timestamps > 0) {
  const [dups] = (await con.runAndReadAll(sql("global-duplicates.sql"))).getRowObjectsJS();
  counts.duplicate_timestamps = Number(dups.duplicate_timestamps);
}
con.closeSync();
process.stdout.write(
  `${JSON.stringify({ tool: "node-duckdb", version: version(), rows, counts })}\n`,
);
