export { createVirtualClock } from "./virtual-clock";
export type { VirtualClock } from "./virtual-clock";
