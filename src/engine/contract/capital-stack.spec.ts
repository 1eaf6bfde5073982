import { baseContract, handGains, investorContract, NO_GAINS } from './contract.fixture';
import { projectContract } from './projection';
import type { Contract } from './types';

const money = (values: { toFixed(d: number): string }[]) => values.map((v) => v.toFixed(2));

/** A rate card that earns far more than the investors are owed: 40 successes × 50,000 in year 2. */
const generousRateCard: Contract['paymentModel'] = {
  components: [
    {
      kind: 'rateCard',
      id: 'employment',
      metric: 'grossSuccesses',
      price: '50000',
      paymentDelayYears: 0,
    },
  ],
};

describe('investor repayment schedule', () => {
  // 1,000,000 drawn in year 1 at 5%, repaid over 5 years from one year after (DSI's default);
  // earned payments beyond principal plus interest are not paid.
  const contract = investorContract(
    { excessPayments: 'notPaid' },
    { paymentModel: generousRateCard },
  );
  const p = projectContract(contract, NO_GAINS);

  it('repays a fifth of the principal each year plus 5% interest on what is still owed', () => {
    // 200,000 + 50,000; 200,000 + 40,000; 200,000 + 30,000; 200,000 + 20,000; 200,000 + 10,000
    expect(money(p.byYear.map((y) => y.investorReceipts))).toEqual([
      '0.00',
      '250000.00',
      '240000.00',
      '230000.00',
      '220000.00',
      '210000.00',
    ]);
    expect(money(p.byYear.map((y) => y.capitalDrawn))).toEqual([
      '1000000.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('gives an IRR of the 5% interest and a multiple of 1.15', () => {
    expect(p.investor?.irr).toBeCloseTo(0.05, 9);
    // 1,150,000 received / 1,000,000 drawn
    expect(p.investor?.multiple?.toString()).toBe('1.15');
    // NPV at the Finance Ministry's 3.5%: −1,000,000 + 250,000/1.035 + 240,000/1.035² + 230,000/1.035³
    //   + 220,000/1.035⁴ + 210,000/1.035⁵ = 41,566.94
    expect(p.investor?.npv.toFixed(2)).toBe('41566.94');
  });

  it('breaks the investor even in the year the last instalment comes in', () => {
    // cumulative: −1,000,000, −750,000, −510,000, −280,000, −60,000, +150,000
    expect(p.breakEvenYear.investor).toBe(6);
  });

  it('leaves what was earned beyond principal plus interest unpaid', () => {
    // 2,000,000 earned − 1,150,000 paid
    expect(p.unpaidEarned.toFixed(2)).toBe('850000.00');
    expect(p.outcomePayments.kommune.toFixed(2)).toBe('1150000.00');
  });

  it('settles everything still owed in the last contract year', () => {
    // over 10 years the schedule would run past the 6-year horizon: years 2–5 pay 100,000 of principal
    // each plus interest (50,000, 45,000, 40,000, 35,000); year 6 settles 600,000 × 1.05 = 630,000
    const long = investorContract(
      {
        excessPayments: 'notPaid',
        repayment: { mode: 'scheduled', startAfterYears: 1, overYears: 10 },
      },
      { paymentModel: generousRateCard },
    );
    expect(money(projectContract(long, NO_GAINS).byYear.map((y) => y.investorReceipts))).toEqual([
      '0.00',
      '150000.00',
      '145000.00',
      '140000.00',
      '135000.00',
      '630000.00',
    ]);
  });

  it('pays everything earned at once when repayment is as earned, capped by a return multiple', () => {
    const asEarned = investorContract(
      { repayment: { mode: 'asEarned' }, returnCap: { multiple: 1.3 } },
      { paymentModel: generousRateCard },
    );
    // year 2: owed 1,050,000, paid in full; then excess up to 1.3 × 1,000,000 = 1,300,000 in total
    const q = projectContract(asEarned, NO_GAINS);
    expect(money(q.byYear.map((y) => y.investorReceipts))).toEqual([
      '0.00',
      '1300000.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(q.byYear[1].investorExcess.toFixed(2)).toBe('250000.00');
    expect(q.investor?.irr).toBeCloseTo(0.3, 9);
  });

  it('caps the return at an annual rate (afkastloft) and sends nothing beyond it', () => {
    const capped = investorContract(
      { repayment: { mode: 'asEarned' }, returnCap: { annualRate: 0.08 } },
      { paymentModel: generousRateCard },
    );
    // drawn 1,000,000 in year 1, compounded at 8% to year 2: 1,080,000 at most
    const q = projectContract(capped, NO_GAINS);
    expect(q.byYear[1].investorReceipts.toFixed(2)).toBe('1080000.00');
    expect(q.investor?.irr).toBeCloseTo(0.08, 9);
  });

  it('sends the excess to the provider when the contract says so', () => {
    const toProvider = investorContract(
      { repayment: { mode: 'asEarned' }, excessPayments: 'toProvider' },
      { paymentModel: generousRateCard },
    );
    const q = projectContract(toProvider, NO_GAINS);
    // 2,000,000 earned in year 2: 1,050,000 to the investor, 950,000 to the provider
    expect(q.byYear[1].investorReceipts.toFixed(2)).toBe('1050000.00');
    expect(q.net.provider.toFixed(2)).toBe('950000.00');
  });
});

describe('first-loss cover on a partly drawn commitment', () => {
  /**
   * Rikers-like: 9,600,000 committed in four yearly quarters, a threshold on the cohort's
   * improvement; the project stopped after 3 years with 7,200,000 drawn and no improvement.
   */
  function stoppedEarly(
    firstLoss: NonNullable<Contract['capital']>['firstLoss'],
    extra: Partial<Contract['capital']> = {},
  ): Contract {
    const base = investorContract({
      commitment: '9600000',
      drawdown: [0.25, 0.25, 0.25, 0.25],
      firstLoss,
      ...extra,
    });
    return {
      ...base,
      horizonYears: 4,
      parties: [...base.parties, { id: 'foundation', name: 'Foundation', role: 'guarantor' }],
      intervention: {
        ...base.intervention,
        intake: [0.25, 0.25, 0.25, 0.25],
        interventionYears: 4,
        cost: { total: '9600000', spending: [0.25, 0.25, 0.25, 0.25] },
      },
      paymentModel: {
        components: [
          {
            kind: 'threshold',
            id: 'recidivism',
            measurementYear: 3,
            comparisonRate: 0.25,
            improvement: 'relative',
            interpolation: 'stepped',
            paymentDelayYears: 1,
            schedule: [{ improvement: 0.085, payment: '9600000' }],
          },
        ],
      },
      observed: {
        stoppedAfterYear: 3,
        capitalDrawn: '7200000',
        thresholdImprovement: { recidivism: 0 },
      },
    };
  }

  it('covers the loss up to the guaranteed amount, leaving the rest with the investor', () => {
    const p = projectContract(
      stoppedEarly({ guarantorPartyId: 'foundation', maxAmount: '6000000' }),
      NO_GAINS,
    );
    // drawn 2,400,000 in each of years 1–3, nothing after the stop
    expect(money(p.byYear.map((y) => y.capitalDrawn))).toEqual([
      '2400000.00',
      '2400000.00',
      '2400000.00',
      '0.00',
    ]);
    // threshold missed → no payment; loss 7,200,000; cover min(7,200,000, 6,000,000) in year 4
    expect(p.byYear[3].guaranteePayments.guarantor.toFixed(2)).toBe('6000000.00');
    expect(p.net.investor.toFixed(2)).toBe('-1200000.00');
    expect(p.net.guarantor.toFixed(2)).toBe('-6000000.00');
    // 6,000,000 / 7,200,000
    expect(p.investor?.multiple?.toDecimalPlaces(4).toString()).toBe('0.8333');
    expect(p.net.kommune.toFixed(2)).toBe('0.00');
  });

  it('covers a share of the loss when the guarantee is a share', () => {
    const p = projectContract(
      stoppedEarly({ guarantorPartyId: 'foundation', share: 0.5 }),
      NO_GAINS,
    );
    // 50% × 7,200,000
    expect(p.net.guarantor.toFixed(2)).toBe('-3600000.00');
    expect(p.net.investor.toFixed(2)).toBe('-3600000.00');
  });

  it('principal protection tops up what the first-loss cover leaves', () => {
    const p = projectContract(
      stoppedEarly(
        { guarantorPartyId: 'foundation', maxAmount: '6000000' },
        { principalProtection: { share: 0.9, byPartyId: 'testkommune' } },
      ),
      NO_GAINS,
    );
    // 90% × 7,200,000 = 6,480,000 protected; the cover paid 6,000,000 → the kommune pays 480,000
    expect(p.byYear[3].guaranteePayments.kommune.toFixed(2)).toBe('480000.00');
    expect(p.net.investor.toFixed(2)).toBe('-720000.00');
    expect(p.net.kommune.toFixed(2)).toBe('-480000.00');
  });
});

describe('senior and subordinate tranches under a share of savings', () => {
  /**
   * Utah-like: 1,000,000 drawn in year 1, senior 70% at 5%, subordinate 30% at 8%, repaid as
   * earned. The kommune passes on 90% of its SØM gain until both are repaid, 40% after.
   * 20 additional successes in year 2 × 30,000 kr. a year each = 600,000 gain in years 3–6.
   */
  const base = investorContract({
    repayment: { mode: 'asEarned' },
    tranches: [
      { id: 'senior', seniority: 'senior', share: 0.7, interestRate: 0.05 },
      { id: 'subordinate', seniority: 'subordinate', share: 0.3, interestRate: 0.08 },
    ],
  });
  const contract: Contract = {
    ...base,
    paymentModel: {
      components: [
        {
          kind: 'shareOfSavings',
          id: 'savings',
          payers: ['kommune'],
          shareUntilRepaid: 0.9,
          shareAfterRepaid: 0.4,
          paymentDelayYears: 0,
        },
      ],
    },
  };
  const gains = handGains([
    [30000, 0, 0],
    [30000, 0, 0],
    [30000, 0, 0],
    [30000, 0, 0],
    [30000, 0, 0],
  ]);
  const p = projectContract(contract, gains);

  it('repays the senior tranche first, then the subordinate, at the high share', () => {
    // year 3: senior owed 700,000 × 1.05² = 771,750; 90% × 600,000 = 540,000 all to senior
    // year 4: senior 231,750 × 1.05 = 243,337.50 repaid in full; subordinate gets 296,662.50
    // year 5: subordinate 300,000 × 1.08³ − 296,662.50 = 81,251.10, × 1.08 = 87,751.188 owed
    expect(money(p.byYear.map((y) => y.trancheRepayments.senior))).toEqual([
      '0.00',
      '0.00',
      '540000.00',
      '243337.50',
      '0.00',
      '0.00',
    ]);
    expect(money(p.byYear.map((y) => y.trancheRepayments.subordinate))).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '296662.50',
      '87751.19',
      '0.00',
    ]);
  });

  it('switches to the low share exactly when principal plus interest is covered', () => {
    // year 5: 87,751.188 needs 87,751.188 / 0.9 = 97,501.32 of the gain at 90%; the other
    // 502,498.68 passes at 40% = 200,999.472; payment 288,750.66. Year 6: 40% × 600,000.
    expect(money(p.byYear.map((y) => y.outcomePayments.kommune))).toEqual([
      '0.00',
      '0.00',
      '540000.00',
      '540000.00',
      '288750.66',
      '240000.00',
    ]);
    expect(money(p.byYear.map((y) => y.investorExcess))).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '200999.47',
      '240000.00',
    ]);
  });

  it('gives the investors their receipts over their capital as the multiple', () => {
    // (540,000 + 540,000 + 288,750.66 + 240,000) / 1,000,000
    expect(p.investor?.multiple?.toString()).toBe('1.60875066');
    // the kommune keeps 10% then 60% of its gain: 60,000, 60,000, 311,249.34, 360,000
    expect(p.net.kommune.toFixed(2)).toBe('791249.34');
  });
});

describe('intervention cost borne by the kommune', () => {
  it('is paid by the kommune as it is spent, and the provider is paid its cost', () => {
    const p = projectContract(baseContract(), NO_GAINS);
    expect(p.byYear[0].interventionCostPaid.kommune.toFixed(2)).toBe('1000000.00');
    expect(p.net.provider.toFixed(2)).toBe('0.00');
    expect(p.investor).toBeNull();
  });
});
