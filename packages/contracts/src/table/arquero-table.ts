import { createRequire } from "node:module";
import type * as ArqueroModule from "arquero";
import type { ColumnTable } from "arquero";

type Arquero = typeof ArqueroModule;
let loaded: Arquero | undefined;

/**
 * arquero's `table()`, with arquero loaded on first use (a `require` of the ES module, which
 * Node >= 20.19 gives as the same instance `import` does). Code that never builds a table,
 * such as the streaming CSV check, never pays arquero's load time and memory.
 */
export const arqueroTable = (columns: Parameters<Arquero["table"]>[0]): ColumnTable => {
  loaded ??= createRequire(import.meta.url)("arquero") as Arquero;
  return loaded.table(columns);
};
