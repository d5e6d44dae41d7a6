// Brands are registered symbols, so two copies of @peak/errors recognise each other's errors.

/** Returns the registered brand symbol for a class name. */
export const brandFor = (className: string): symbol => Symbol.for(`@peak/errors/${className}`);

/** Marks `target` with a non-enumerable brand, so it does not clutter logs or JSON. */
export const setBrand = (target: object, brand: symbol): void => {
  Object.defineProperty(target, brand, { value: true, enumerable: false });
};

/** True when `value` is an object that carries `brand`. */
export const hasBrand = (value: unknown, brand: symbol): boolean =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
