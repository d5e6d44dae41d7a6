export { createVirtualClock } from "./time/virtual-clock";
export type { VirtualClock } from "./time/virtual-clock";
