/** Appends bytes to one preallocated buffer: no zero-fill, no final concatenation. */
export class ByteSink {
  pos = 0;
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Copies `part` in at the current position. */
  put(part: Uint8Array): void {
    this.bytes.set(part, this.pos);
    this.pos += part.length;
  }

  /** Writes `count` zero bytes. */
  zeros(count: number): void {
    this.bytes.fill(0, this.pos, this.pos + count);
    this.pos += count;
  }
}
