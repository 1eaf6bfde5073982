import Decimal from 'decimal.js';
import { Money } from '../shared/decimal';
import type { GroupRows } from './types';

/** SØM uses a consequence series only with at least two significant point estimates (seed 000, notes to figures 2–4). */
export const MIN_SIGNIFICANT_ESTIMATES = 2;

/**
 * The effect of success per year from SØM's group rows (seed 002, "Beregning af konsekvenser i 3
 * trin"): effect = (success group − others) − adjustment for background controls.
 * A year whose adjustment is null ("–") is not significant: it counts as 0, unless it lies
 * between two significant years, where it is kept with adjustment 0. A series with fewer than
 * two significant years is all 0. Exact in decimal arithmetic.
 */
export function effectDecimalsFromGroupRows(rows: GroupRows): Decimal[] {
  const years = rows.successGroup.length;
  if (rows.others.length !== years || rows.adjustment.length !== years) {
    throw new RangeError(
      `group rows must have equal lengths (success group ${years}, others ${rows.others.length}, ` +
        `adjustment ${rows.adjustment.length})`,
    );
  }
  const significant = rows.adjustment.flatMap((adjustment, index) =>
    adjustment === null ? [] : [index],
  );
  if (significant.length < MIN_SIGNIFICANT_ESTIMATES)
    return rows.successGroup.map(() => new Money(0));
  const first = significant[0];
  const last = significant[significant.length - 1];
  return rows.successGroup.map((success, index) => {
    if (index < first || index > last) return new Money(0);
    const adjustment = rows.adjustment[index] ?? 0;
    return new Money(success).minus(rows.others[index]).minus(adjustment);
  });
}

/** `effectDecimalsFromGroupRows` as plain numbers. */
export function effectsFromGroupRows(rows: GroupRows): number[] {
  return effectDecimalsFromGroupRows(rows).map((effect) => effect.toNumber());
}
