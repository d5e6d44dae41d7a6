// The contract of `rateLimiter({ store })`, taken from @peak/resilience (a peer dependency) so the
// two packages cannot drift apart.
export type { RateLimitStore, RateLimitTakeRequest, RateLimitTakeResult } from "@peak/resilience";
