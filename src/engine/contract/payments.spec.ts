import { baseContract, NO_GAINS } from './contract.fixture';
import { projectContract } from './projection';
import type { Contract, PaymentModel, ThresholdComponent } from './types';

/** The base contract (cost 1,000,000 kr. borne by the kommune, 100 participants) with a payment model. */
function withModel(paymentModel: PaymentModel, overrides: Partial<Contract> = {}): Contract {
  return baseContract({ paymentModel, ...overrides });
}

/** The same 100 participants starting half in year 1 and half in year 2. */
function twoIntakes(base: Contract): Contract {
  return {
    ...base,
    intervention: { ...base.intervention, intake: [0.5, 0.5], interventionYears: 2 },
  };
}

const paymentsByYear = (contract: Contract) =>
  projectContract(contract, NO_GAINS).byYear.map((year) => year.outcomePayments.total.toFixed(2));

const rateCardPerSuccess = {
  kind: 'rateCard',
  id: 'employment',
  metric: 'grossSuccesses',
  price: '50000',
  paymentDelayYears: 0,
} as const;

describe('rate card and caps', () => {
  it('pays the price per measured success in the year it is measured', () => {
    // 100 completers measured in year 2 × 40% = 40 successes × 50,000 = 2,000,000 in year 2
    expect(paymentsByYear(withModel({ components: [rateCardPerSuccess] }))).toEqual([
      '0.00',
      '2000000.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('pays after the measurement delay', () => {
    const delayed = { ...rateCardPerSuccess, paymentDelayYears: 2 };
    // measured in year 2, paid 2 years later in year 4
    expect(paymentsByYear(withModel({ components: [delayed] }))[3]).toBe('2000000.00');
  });

  it('a total cap cuts the payment, and the kommune pays no more than the cap', () => {
    const p = projectContract(
      withModel({ components: [rateCardPerSuccess], caps: { total: '1500000' } }),
      NO_GAINS,
    );
    // earned 2,000,000, capped at 1,500,000
    expect(p.byYear[1].outcomePayments.kommune.toFixed(2)).toBe('1500000.00');
    expect(p.earnedByComponent.employment.toFixed(2)).toBe('2000000.00');
    // kommune: −1,000,000 cost − 1,500,000 payments; provider: +1,500,000 on top of its cost
    expect(p.net.kommune.toFixed(2)).toBe('-2500000.00');
    expect(p.net.provider.toFixed(2)).toBe('1500000.00');
  });

  it('a cap per year is applied year by year, and what it cuts is not carried forward', () => {
    // 20 successes in year 2 and 20 in year 3 = 1,000,000 each, at most 600,000 a year
    const contract = twoIntakes(
      withModel({ components: [rateCardPerSuccess], caps: { perYear: '600000' } }),
    );
    expect(paymentsByYear(contract)).toEqual([
      '0.00',
      '600000.00',
      '600000.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('a cap per participant limits the running total to the cap times the participants', () => {
    // 12,000 × 100 participants = 1,200,000: year 2 pays 1,000,000, year 3 the remaining 200,000
    const contract = twoIntakes(
      withModel({ components: [rateCardPerSuccess], caps: { perParticipant: '12000' } }),
    );
    expect(paymentsByYear(contract)).toEqual([
      '0.00',
      '1000000.00',
      '200000.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('a cap on one outcome limits that outcome only', () => {
    const capped = { ...rateCardPerSuccess, cap: '700000' };
    const completion = {
      kind: 'rateCard',
      id: 'completion',
      metric: 'completers',
      price: '1000',
      paymentDelayYears: 0,
    } as const;
    // employment: 1,000,000 in year 2 capped to 700,000, nothing in year 3;
    // completion: 50 completers × 1,000 = 50,000 in years 1 and 2
    const contract = twoIntakes(withModel({ components: [capped, completion] }));
    expect(paymentsByYear(contract)).toEqual([
      '50000.00',
      '750000.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('a price per day of stable housing and a one-off payment per success share one total cap', () => {
    const base = baseContract();
    const contract: Contract = {
      ...base,
      intervention: {
        ...base.intervention,
        outcomeMetrics: [
          {
            id: 'housing-days',
            name: 'Days of stable housing',
            unit: 'day',
            basis: 'completers',
            unitsPerCount: [0, 300, 300],
          },
        ],
      },
      paymentModel: {
        components: [
          {
            kind: 'rateCard',
            id: 'days',
            metric: 'housing-days',
            price: '15',
            paymentDelayYears: 0,
          },
          {
            kind: 'rateCard',
            id: 'one-off',
            metric: 'grossSuccesses',
            price: '10000',
            paymentDelayYears: 0,
          },
        ],
        caps: { total: '1000000' },
      },
    };
    // days: 100 completers × 300 days × 15 kr. = 450,000 in years 2 and 3;
    // one-off: 40 successes × 10,000 = 400,000 in year 2.
    // year 2: 850,000 (under the cap); year 3: 450,000 earned, 1,000,000 − 850,000 = 150,000 left
    expect(paymentsByYear(contract)).toEqual([
      '0.00',
      '850000.00',
      '150000.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('observed units replace the expected ones (41,070 days of stable housing)', () => {
    const base = baseContract();
    const contract: Contract = {
      ...base,
      intervention: {
        ...base.intervention,
        outcomeMetrics: [
          {
            id: 'housing-days',
            name: 'Days of stable housing',
            unit: 'day',
            basis: 'completers',
            unitsPerCount: [0, 300],
          },
        ],
      },
      paymentModel: {
        components: [
          {
            kind: 'rateCard',
            id: 'days',
            metric: 'housing-days',
            price: '15',
            paymentDelayYears: 0,
          },
        ],
      },
      observed: { byYear: [{ year: 2, metrics: { 'housing-days': 41070 } }] },
    };
    // 41,070 days × 15 kr. = 616,050 in year 2
    expect(paymentsByYear(contract)[1]).toBe('616050.00');
  });

  it('a floor tops the payments up in the last year', () => {
    const tiny = { ...rateCardPerSuccess, price: '1000' };
    // earned 40 × 1,000 = 40,000 in year 2; floor 100,000 → 60,000 more in year 6
    expect(paymentsByYear(withModel({ components: [tiny], floors: { total: '100000' } }))).toEqual([
      '0.00',
      '40000.00',
      '0.00',
      '0.00',
      '0.00',
      '60000.00',
    ]);
  });
});

describe('baseline adjustment', () => {
  const baseline = {
    kind: 'baselineAdjusted',
    id: 'above-comparison',
    price: '10000',
    comparisonRate: 0.25,
    paymentDelayYears: 0,
  } as const;

  it('pays only for successes above the comparison rate', () => {
    // year 2: 50 measured, 20 successes − 0.25 × 50 = 7.5 above × 10,000 = 75,000
    // year 3: cumulative 40 − 0.25 × 100 = 15 above → 150,000 − 75,000 already paid = 75,000
    expect(paymentsByYear(twoIntakes(withModel({ components: [baseline] })))).toEqual([
      '0.00',
      '75000.00',
      '75000.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('pays exactly the additional successes when the comparison rate is the deadweight', () => {
    const { comparisonRate: _omitted, ...atDeadweight } = baseline;
    void _omitted;
    // 40 successes − 0.20 × 100 = 20 additional × 10,000 = 200,000
    expect(paymentsByYear(withModel({ components: [atDeadweight] }))[1]).toBe('200000.00');
  });

  it('a weak measured year pays nothing and is offset by the next, never clawed back', () => {
    const contract = twoIntakes(withModel({ components: [baseline] }));
    contract.observed = { byYear: [{ year: 2, grossSuccesses: 10 }] };
    // year 2: 10 − 12.5 < 0 → 0; year 3: cumulative 10 + 20 − 0.25 × 100 = 5 above → 50,000
    expect(paymentsByYear(contract)).toEqual(['0.00', '0.00', '50000.00', '0.00', '0.00', '0.00']);
  });
});

describe('threshold payment', () => {
  const threshold: ThresholdComponent = {
    kind: 'threshold',
    id: 'cohort',
    measurementYear: 2,
    comparisonRate: 0.25,
    improvement: 'percentagePoints',
    interpolation: 'linear',
    paymentDelayYears: 1,
    schedule: [
      { improvement: 0.1, payment: '1000000' },
      { improvement: 0.2, payment: '2000000' },
    ],
  };

  it('when met, pays the schedule interpolated linearly, after the delay', () => {
    // cohort rate 40% vs comparison 25% = 15 points: halfway from 1,000,000 to 2,000,000, paid in year 3
    expect(paymentsByYear(withModel({ components: [threshold] }))).toEqual([
      '0.00',
      '0.00',
      '1500000.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('when met on a stepped schedule, pays the step reached', () => {
    // 15 points reaches the 10-point step only
    const stepped: ThresholdComponent = { ...threshold, interpolation: 'stepped' };
    expect(paymentsByYear(withModel({ components: [stepped] }))[2]).toBe('1000000.00');
  });

  it('when missed, pays nothing (observed 5% improvement against a 10% threshold)', () => {
    const contract = withModel({ components: [threshold] });
    contract.observed = { thresholdImprovement: { cohort: 0.05 } };
    expect(paymentsByYear(contract)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
  });

  it('pays the first point when the improvement reaches the threshold exactly', () => {
    const contract = withModel({ components: [threshold] });
    contract.observed = { thresholdImprovement: { cohort: 0.1 } };
    expect(paymentsByYear(contract)[2]).toBe('1000000.00');
  });

  it('measures a relative improvement against the comparison rate', () => {
    const relative: ThresholdComponent = {
      ...threshold,
      improvement: 'relative',
      schedule: [{ improvement: 0.5, payment: '500000' }],
    };
    // (40% − 25%) / 25% = 0.6 ≥ 0.5 → 500,000 (flat beyond the last point)
    expect(paymentsByYear(withModel({ components: [relative] }))[2]).toBe('500000.00');
  });
});
