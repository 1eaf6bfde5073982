import Decimal from 'decimal.js';
import { Money } from '../shared/decimal';

/** SØM tapers every consequence series mechanically to 0 in year 20 after success (course slides, seed 002). */
export const SOM_TAPER_END_YEAR = 20;

/**
 * SØM's mechanical taper (nedtrapning): after the last estimated year L the effect falls linearly
 * to 0 in year T = taperEndYear:
 *   e(t) = e(L) × (T − t) / (T − L)   for L < t ≤ T,   0 after T.
 * Returns the effects for years 1..max(L, T) (index t − 1); years given are kept unchanged, so an
 * empty series stays empty. Exact in decimal arithmetic.
 */
export function taperedEffectDecimals(
  effects: readonly Decimal[],
  taperEndYear: number = SOM_TAPER_END_YEAR,
): Decimal[] {
  if (!Number.isInteger(taperEndYear) || taperEndYear < 1) {
    throw new RangeError(`taper end year must be a whole year >= 1, got ${taperEndYear}`);
  }
  const lastYear = effects.length;
  if (lastYear === 0 || lastYear >= taperEndYear) return effects.slice();
  const lastEffect = effects[lastYear - 1];
  const result = effects.slice();
  for (let year = lastYear + 1; year <= taperEndYear; year++) {
    const effect = lastEffect.times(taperEndYear - year).div(taperEndYear - lastYear);
    // Year T gives e(L) × 0, a signed zero for a negative e(L); store a plain 0.
    result.push(effect.isZero() ? new Money(0) : effect);
  }
  return result;
}

/** `taperedEffectDecimals` over plain numbers (computed exactly, returned as numbers). */
export function taperedEffects(
  effects: readonly number[],
  taperEndYear: number = SOM_TAPER_END_YEAR,
): number[] {
  return taperedEffectDecimals(
    effects.map((effect) => new Money(effect)),
    taperEndYear,
  ).map((effect) => effect.toNumber());
}
