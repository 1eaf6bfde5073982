import { breakEvenQuantiles } from './model-contract-simulation';

const distribution = (shares: number[], never: number) => ({
  byYear: shares.map((share, y) => ({ year: y + 1, calendarYear: 2024 + y, share })),
  never,
});

describe('the break-even range of the summary', () => {
  it('runs from the year the first 5% of trials have broken even to the year 95% have', () => {
    // Cumulative shares 0, 0.02, 0.40, 0.90, 0.97, 1.00: 5% is reached in year 3, 95% in year 5.
    expect(breakEvenQuantiles(distribution([0, 0.02, 0.38, 0.5, 0.07, 0.03], 0))).toEqual({
      low: 3,
      high: 5,
    });
  });

  it('has no upper end when more than 5% of trials never break even', () => {
    // Cumulative 0.1, 0.5, 0.9 by year 3; 10% never: the 95% quantile lies beyond the horizon.
    expect(breakEvenQuantiles(distribution([0.1, 0.4, 0.4], 0.1))).toEqual({ low: 1, high: null });
  });
});
