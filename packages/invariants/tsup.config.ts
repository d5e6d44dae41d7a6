import { sharedTsup } from "../../tsup.shared.ts";

export default sharedTsup();
