import Decimal from 'decimal.js';
import { Money } from './decimal';

/**
 * One piece of a piecewise discount rate, by whole years from the base year: the step from year
 * t−1 to year t is discounted at the rate of the segment whose [fromYear, toYear] contains t
 * (toYear null = open-ended). This is how the Finance Ministry's falling rate is applied.
 */
export interface DiscountSegment {
  fromYear: number;
  toYear: number | null;
  /** Yearly rate as a fraction, e.g. 0.035. */
  rate: Decimal.Value;
}

/** Segments in order, contiguous, the first starting at year 0 and the last open-ended. */
export type DiscountSchedule = readonly DiscountSegment[];

/** Years 0–35 at 3.5% a year (Finansministeriet, dokumentationsnotat 7 January 2021). */
export const FINANCE_MINISTRY_NEAR_RATE = '0.035';
/** Years 36–70 at 2.5% a year (same note); applied to every later year too, as in DOMAIN.md. */
export const FINANCE_MINISTRY_FAR_RATE = '0.025';
export const FINANCE_MINISTRY_NEAR_LAST_YEAR = 35;

/** The Finance Ministry's 2021 schedule; the knowledge base carries the same numbers with sources. */
export const FINANCE_MINISTRY_2021_SCHEDULE: DiscountSchedule = [
  { fromYear: 0, toYear: FINANCE_MINISTRY_NEAR_LAST_YEAR, rate: FINANCE_MINISTRY_NEAR_RATE },
  { fromYear: FINANCE_MINISTRY_NEAR_LAST_YEAR + 1, toYear: null, rate: FINANCE_MINISTRY_FAR_RATE },
];

/** One rate for every year. */
export function flatDiscountSchedule(rate: Decimal.Value): DiscountSchedule {
  return [{ fromYear: 0, toYear: null, rate }];
}

/** Throws a RangeError unless the schedule starts at year 0, is contiguous and ends open. */
export function assertValidSchedule(schedule: DiscountSchedule): void {
  if (schedule.length === 0) throw new RangeError('discount schedule is empty');
  schedule.forEach((segment, index) => {
    const expectedFrom = index === 0 ? 0 : (schedule[index - 1].toYear ?? NaN) + 1;
    if (segment.fromYear !== expectedFrom) {
      throw new RangeError(
        `discount schedule segment ${index} starts in year ${segment.fromYear}, expected ${expectedFrom}`,
      );
    }
    const isLast = index === schedule.length - 1;
    if (isLast !== (segment.toYear === null)) {
      throw new RangeError(
        `discount schedule: only the last segment may be open-ended (segment ${index})`,
      );
    }
    if (segment.toYear !== null && segment.toYear < segment.fromYear) {
      throw new RangeError(`discount schedule segment ${index} ends before it starts`);
    }
    const rate = new Money(segment.rate);
    if (!rate.isFinite() || rate.lte(-1)) {
      throw new RangeError(
        `discount schedule segment ${index}: rate must be > -1, got ${String(segment.rate)}`,
      );
    }
  });
}

/**
 * The factor that moves an amount `yearsFromBase` years after the base year back to the base
 * year, compounding segment by segment: with the Finance Ministry schedule
 * 1.035^−min(n,35) × 1.025^−max(0,n−35). Year 0 gives 1. A negative n (an amount before the base
 * year) compounds forward at the rate of the segment that holds year 0.
 */
export function discountFactor(yearsFromBase: number, schedule: DiscountSchedule): Decimal {
  if (!Number.isInteger(yearsFromBase)) {
    throw new RangeError(`discountFactor: years from base must be whole, got ${yearsFromBase}`);
  }
  assertValidSchedule(schedule);
  if (yearsFromBase < 0) {
    return new Money(1).plus(schedule[0].rate).pow(-yearsFromBase);
  }
  let factor = new Money(1);
  for (const segment of schedule) {
    const firstStep = Math.max(segment.fromYear, 1);
    const lastStep = Math.min(segment.toYear ?? yearsFromBase, yearsFromBase);
    const steps = lastStep - firstStep + 1;
    if (steps > 0) factor = factor.div(new Money(1).plus(segment.rate).pow(steps));
  }
  return factor;
}
