// Registered symbols, so two copies of @peak/resilience recognise each other's errors.

/** The brand symbol of one of this package's error classes. */
export const brandFor = (className: string): symbol => Symbol.for(`@peak/resilience/${className}`);

/** Marks `target` with a non-enumerable brand. */
export const setBrand = (target: object, brand: symbol): void => {
  Object.defineProperty(target, brand, { value: true, enumerable: false });
};

/** True when `value` is an object that carries `brand`. */
export const hasBrand = (value: unknown, brand: symbol): boolean =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;

/**
 * Runs `create` with stack capture switched off. Used on hot rejection paths, where
 * capturing a stack trace would cost more than everything else together.
 */
export const withoutStack = <T>(create: () => T): T => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return create();
  } finally {
    Error.stackTraceLimit = limit;
  }
};
