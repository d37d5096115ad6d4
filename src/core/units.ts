// Branded numbers keep times, prices, pixels and bar indexes from being mixed by accident
// (after lightweight-charts' src/helpers/nominal.ts). The brand exists only at compile time.
declare const brand: unique symbol;

/** A value of type T that the compiler keeps apart from other T's by the tag B. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Seconds since 1970-01-01T00:00:00Z, the unit of lightweight-charts' UTCTimestamp. */
export type UtcSeconds = Brand<number, 'UtcSeconds'>;
/** A price on the instrument's scale; zero and negative prices are valid (spreads). */
export type Price = Brand<number, 'Price'>;
/** A length or coordinate in CSS pixels of the chart pane. */
export type Px = Brand<number, 'Px'>;
/** A fractional bar index: 0 is the first bar, 1.5 halfway between the second and third. */
export type Logical = Brand<number, 'Logical'>;

function finite(value: number, unit: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${unit}: expected a finite number, got ${value}`);
  return value;
}

/** Brands a finite number of seconds as UtcSeconds. */
export const utcSeconds = (value: number): UtcSeconds => finite(value, 'UtcSeconds') as UtcSeconds;
/** Brands a finite number as a Price. */
export const price = (value: number): Price => finite(value, 'Price') as Price;
/** Brands a finite number as pixels. */
export const px = (value: number): Px => finite(value, 'Px') as Px;
/** Brands a finite number as a logical bar index. */
export const logical = (value: number): Logical => finite(value, 'Logical') as Logical;
