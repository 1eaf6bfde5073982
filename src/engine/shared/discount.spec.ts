import fc from 'fast-check';
import { Money } from './decimal';
import {
  FINANCE_MINISTRY_2021_SCHEDULE,
  discountFactor,
  flatDiscountSchedule,
  type DiscountSchedule,
} from './discount';

const digits = (value: { toFixed(dp: number): string }) => value.toFixed(12);

describe('discountFactor', () => {
  it('is 1 in the base year', () => {
    expect(discountFactor(0, FINANCE_MINISTRY_2021_SCHEDULE).toString()).toBe('1');
  });

  it('discounts one year at 3.5% to 1/1.035', () => {
    // 1 / 1.035 = 0.966183574879…
    expect(digits(discountFactor(1, FINANCE_MINISTRY_2021_SCHEDULE))).toBe('0.966183574879');
  });

  it('discounts four years at 3.5% as the published 4-year potentials do', () => {
    // 1.035^4 = 1.147523000625 → 1 / 1.147523000625 = 0.871442227699
    expect(digits(discountFactor(4, FINANCE_MINISTRY_2021_SCHEDULE))).toBe('0.871442227699');
  });

  it('switches to 2.5% after year 35: year 36 is 1.035^-35 × 1.025^-1', () => {
    // 1.035^35 = 3.333590445851…; × 1.025 = 3.416930206997… → 0.292660352837
    expect(digits(discountFactor(36, FINANCE_MINISTRY_2021_SCHEDULE))).toBe('0.292660352837');
  });

  it('compounds year 40 as 1.035^-35 × 1.025^-5', () => {
    // 1.035^35 = 3.333590445851; 1.025^5 = 1.131408212890625; product 3.771654… → 0.265135835360
    expect(digits(discountFactor(40, FINANCE_MINISTRY_2021_SCHEDULE))).toBe('0.265135835360');
  });

  it('uses a flat rate for every year when given one', () => {
    // 1.04^-3 = 1 / 1.124864 = 0.888996358671
    expect(digits(discountFactor(3, flatDiscountSchedule('0.04')))).toBe('0.888996358671');
  });

  it('compounds forward for an amount before the base year', () => {
    // 1.05^2 = 1.1025
    expect(discountFactor(-2, flatDiscountSchedule('0.05')).toString()).toBe('1.1025');
  });

  it('refuses a schedule with a gap between segments', () => {
    const gap: DiscountSchedule = [
      { fromYear: 0, toYear: 10, rate: '0.03' },
      { fromYear: 12, toYear: null, rate: '0.02' },
    ];
    expect(() => discountFactor(5, gap)).toThrow(/starts in year 12, expected 11/);
  });

  it('refuses a fractional number of years', () => {
    expect(() => discountFactor(1.5, FINANCE_MINISTRY_2021_SCHEDULE)).toThrow(RangeError);
  });

  it('falls with the years and with the rate (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 50 }),
        (years, rateBasisPoints, extraBasisPoints) => {
          const rate = new Money(rateBasisPoints).div(10_000);
          const higher = rate.plus(new Money(extraBasisPoints).div(10_000));
          const schedule = flatDiscountSchedule(rate);
          expect(discountFactor(years + 1, schedule).lt(discountFactor(years, schedule))).toBe(
            true,
          );
          if (years > 0) {
            expect(
              discountFactor(years, flatDiscountSchedule(higher)).lt(
                discountFactor(years, schedule),
              ),
            ).toBe(true);
          }
        },
      ),
      { seed: 35, numRuns: 200 },
    );
  });
});
