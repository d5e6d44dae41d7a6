/** A real timer wait (the scenarios run on real time on purpose). */
export const wait = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
