import Decimal from 'decimal.js';
import { Money, toOre, ZERO } from '../shared/decimal';

const ORE = new Money('0.01');

/**
 * Rounds signed parts to whole øre so that they sum exactly to `total` (default: Σ parts rounded
 * half-even to the øre). Largest remainder, extended to signed parts: each part is first rounded
 * toward −∞ (ROUND_FLOOR), then the øre left over go one each to the parts with the largest
 * remainders (ties to the earlier part). `allocate` in shared/ does the same for non-negative
 * weights; net positions and gains can be negative, hence this variant.
 * With a total less than an øre from Σ parts (the default, or a cumulatively rounded year) the
 * leftover lies in [0, parts.length], so every øre finds a part.
 */
export function roundPartsToTotal(parts: readonly Decimal[], total?: Decimal): Decimal[] {
  const target = (total ?? toOre(Money.sum(ZERO, ...parts))).div(ORE);
  const exact = parts.map((part) => new Money(part).div(ORE));
  const floors = exact.map((units) => units.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
  let leftover = target.minus(Money.sum(ZERO, ...floors)).toNumber();
  if (leftover < 0 || leftover > parts.length) {
    throw new RangeError(
      `roundPartsToTotal: total ${target.times(ORE).toString()} is not less than an øre from Σ parts`,
    );
  }
  const order = exact
    .map((units, index) => ({ index, remainder: units.minus(floors[index]) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const rounded = floors.slice();
  for (const { index } of order) {
    if (leftover <= 0) break;
    rounded[index] = rounded[index].plus(1);
    leftover -= 1;
  }
  // ZERO.plus keeps a zero part positive (decimal.js would print a signed −0 as "-0").
  return rounded.map((units) => ZERO.plus(units.times(ORE)));
}

/** Σ values (Decimal). */
export function sumDecimals(values: readonly Decimal[]): Decimal {
  return Money.sum(ZERO, ...values);
}

/**
 * Rounds a yearly series to øre so that every running total is the exact running total rounded
 * once (half-even): year y = round(Σ_{≤y}) − round(Σ_{<y}). Totals over the horizon are then
 * exact to the øre, so a payment capped at an amount in øre never reads a øre above its cap.
 */
export function roundYearly(values: readonly Decimal[]): Decimal[] {
  let exact = ZERO;
  let rounded = ZERO;
  return values.map((value) => {
    exact = exact.plus(value);
    const next = toOre(exact);
    const year = ZERO.plus(next.minus(rounded));
    rounded = next;
    return year;
  });
}
