/**
 * The Redis hash of each rate-limit key: `<prefix>:{<key>}:log`, the key URI-encoded inside a
 * hash tag (Cluster-safe should a script ever touch more than one key). Remembers the last key
 * named, since most callers use one key and this runs on every take.
 */
export class RateLimitKeys {
  private lastKey: string | undefined;
  // Stryker disable next-line StringLiteral: never returned, lastKey starts as undefined and no key equals it
  private lastName = "";
  private readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  /** The Redis key of `key`. */
  of(key: string): string {
    // Stryker disable next-line ConditionalExpression: without the shortcut the same name is built again
    if (key === this.lastKey) return this.lastName;
    this.lastName = `${this.prefix}:{${encodeURIComponent(key)}}:log`;
    this.lastKey = key;
    return this.lastName;
  }
}
