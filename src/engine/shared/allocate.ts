import Decimal from 'decimal.js';
import { Money } from './decimal';

/**
 * Splits `total` into parts proportional to `weights` so that the parts sum exactly to the total
 * (largest-remainder method, as dinero.js `allocate`). Every part is a multiple of 10^-decimals:
 * each part first gets its share rounded toward zero, then the units left over go one each to the
 * parts with the largest remainders (ties to the earlier part). A part with weight 0 gets 0.
 * A negative total is split as its absolute value and every part negated, so parts keep its sign.
 *
 * Throws a RangeError when a weight is negative or not finite, when the total has more decimals
 * than `decimals` (it could not be split exactly), or when a non-zero total meets only zero weights.
 */
export function allocate(
  total: Decimal.Value,
  weights: readonly Decimal.Value[],
  decimals = 2,
): Decimal[] {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`allocate: decimals must be a non-negative integer, got ${decimals}`);
  }
  const amount = new Money(total);
  const unit = new Money(10).pow(-decimals);
  const units = amount.abs().div(unit);
  if (!units.isInteger()) {
    throw new RangeError(`allocate: total ${amount.toString()} has more than ${decimals} decimals`);
  }
  const ratios = weights.map((weight, index) => {
    const ratio = new Money(weight);
    if (!ratio.isFinite() || ratio.isNegative()) {
      throw new RangeError(
        `allocate: weight ${index} must be a finite number >= 0, got ${String(weight)}`,
      );
    }
    return ratio;
  });
  const weightSum = Money.sum(new Money(0), ...ratios);
  if (weightSum.isZero()) {
    if (units.isZero()) return ratios.map(() => new Money(0));
    throw new RangeError(`allocate: cannot split ${amount.toString()} over weights that are all 0`);
  }

  const exactShares = ratios.map((ratio) => units.times(ratio).div(weightSum));
  const floors = exactShares.map((share) => share.toDecimalPlaces(0, Decimal.ROUND_DOWN));
  let leftover = units.minus(Money.sum(new Money(0), ...floors)).toNumber();
  const byRemainderDescending = exactShares
    .map((share, index) => ({ index, remainder: share.minus(floors[index]) }))
    .filter((entry) => entry.remainder.isPositive() && !entry.remainder.isZero())
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const partUnits = floors.slice();
  for (const { index } of byRemainderDescending) {
    if (leftover <= 0) break;
    partUnits[index] = partUnits[index].plus(1);
    leftover -= 1;
  }
  // Negate only non-zero parts: decimal.js keeps a signed zero, which would print as "-0".
  return partUnits.map((count) => {
    const part = count.times(unit);
    return amount.isNegative() && !part.isZero() ? part.neg() : part;
  });
}
