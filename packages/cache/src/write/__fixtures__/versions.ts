// Self-describing file contents for the stress and crash tests: a reader can tell a complete
// version some writer published from torn, mixed or foreign bytes without knowing the writer.

/** The bytes writer `id` publishes as version `n` (200-999 bytes). */
export const versionBytes = (id: string, n: number): string =>
  `peak-version ${id} ${n} ${"x".repeat(200 + ((n * 37) % 800))}\n`;

/** True when `text` is exactly one complete version some writer published. */
export const isVersion = (text: string): boolean => {
  const match = /^peak-version (\S+) (\d+) x+\n$/.exec(text);
  return match !== null && versionBytes(match[1]!, Number(match[2])) === text;
};
