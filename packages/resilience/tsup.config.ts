import { sharedTsup } from "../../tsup.shared.ts";

export default sharedTsup({ entry: ["src/index.ts", "src/testing.ts"] });
