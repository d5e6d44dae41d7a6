import { sharedTsup } from "../../tsup.shared.ts";

export default sharedTsup({
  entry: ["src/main.ts"],
  dts: false,
  banner: { js: "#!/usr/bin/env node" },
});
