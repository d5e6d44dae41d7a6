// A worker that misbehaves on demand, to test that the fuzz pool catches each failure kind.
import { ConfigError } from "@peak/errors";
import { serveFuzzCases } from "../fuzz-worker-loop";

await serveFuzzCases<string>((payload) => {
  if (payload === "hang") for (;;);
  if (payload === "oom") {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e6 }, (_, i) => i));
  }
  if (payload === "plain") throw new RangeError("Invalid array length");
  if (payload === "typed") throw new ConfigError("bad input", { hint: "fix it" });
  return Promise.resolve(payload);
});
