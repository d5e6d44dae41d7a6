/** Polls `check` every 20 ms until it returns true; throws `message` after `ms`. */
export const eventually = async (check: () => boolean, message: string, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
