import Decimal from 'decimal.js';

/**
 * The one configured decimal.js clone for all money in the product. Never change the global
 * Decimal settings: every engine imports `Money` from here.
 * 40 significant digits keep discount factors and shares exact far below the øre.
 * Rounding is banker's (half-even) unless a call site names another mode.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type Money = Decimal;

export const ZERO = new Money(0);

/** Rounds to whole øre (2 decimals), half-even, for reports and ledgers. */
export function toOre(value: Decimal.Value): Decimal {
  return new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

/** Stable JSON form of a money amount: a string with exactly two decimals. */
export function moneyString(value: Decimal.Value): string {
  return toOre(value).toFixed(2);
}
