import { compareProjections, comparisonToText } from './compare';
import { baseContract, handGains, investorContract } from './contract.fixture';
import { projectContract } from './projection';

// 20 additional successes in year 2, each worth 40,000 kr. a year to the kommune for 4 years:
// 800,000 a year in years 3–6 = 3,200,000.
const gains = handGains(Array.from({ length: 4 }, () => [40000, 0, 0]));
const direct = projectContract(baseContract(), gains);
const perOutcome = projectContract(
  investorContract(
    { excessPayments: 'notPaid' },
    {
      paymentModel: {
        components: [
          { kind: 'baselineAdjusted', id: 'additional', price: '60000', paymentDelayYears: 0 },
        ],
      },
    },
  ),
  gains,
);

describe('compareProjections', () => {
  const table = compareProjections([
    { label: 'kommune pays', projection: direct },
    { label: 'per outcome', projection: perOutcome },
  ]);
  const value = (actor: string, metric: string) =>
    table.rows.find((row) => row.actor === actor && row.metric === metric)?.values;

  it('lines up the nets of the same intervention under two payment models', () => {
    // direct: 3,200,000 gains − 1,000,000 cost; per outcome: 3,200,000 − 1,150,000 repaid (5% schedule)
    expect(value('kommune', 'net')).toEqual(['2200000.00', '2050000.00']);
    expect(value('investor', 'net')).toEqual([null, '150000.00']);
  });

  it('shows the break-even years and the investor IRR and multiple', () => {
    // direct: −1,000,000 until year 3's 800,000 + year 4's 800,000 → cumulative ≥ 0 from year 4
    // per outcome: year 2 −250,000; year 3 +560,000 (800,000 − 240,000) → ≥ 0 from year 3
    expect(value('kommune', 'breakEvenYear')).toEqual([4, 3]);
    expect(value('investor', 'irr')).toEqual([null, 0.05]);
    expect(value('investor', 'multiple')).toEqual([null, 1.15]);
  });

  it('has no warning when the intervention is the same, and one when it is not', () => {
    expect(table.warnings).toEqual([]);
    const bigger = projectContract(
      baseContract({ intervention: { ...baseContract().intervention, participants: 200 } }),
      gains,
    );
    const mixed = compareProjections([
      { label: 'a', projection: direct },
      { label: 'b', projection: bigger },
    ]);
    expect(mixed.warnings).toEqual([
      "'b' does not model the same intervention as 'a' (horizon, start year, participants, additional successes or SØM gains differ)",
    ]);
  });

  it('prints one row per actor and metric with a column per model', () => {
    const text = comparisonToText(table);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^actor\s+metric\s+kommune pays\s+per outcome$/);
    expect(lines).toContainEqual(expect.stringMatching(/^investor\s+irr\s+–\s+5\.00%$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^kommune\s+net\s+2200000\.00\s+2050000\.00$/),
    );
  });
});
