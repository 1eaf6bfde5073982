import { baseContract, investorContract } from './contract.fixture';
import type { Contract } from './types';
import { validateContract } from './validate';

const paths = (contract: Contract) => validateContract(contract).map((v) => v.path);

describe('validateContract', () => {
  it('accepts the base contract and the investor contract', () => {
    expect(validateContract(baseContract())).toEqual([]);
    expect(validateContract(investorContract())).toEqual([]);
  });

  it('lists every violation with its field path, not just the first', () => {
    const base = baseContract();
    const broken: Contract = {
      ...base,
      horizonYears: 21,
      intervention: {
        ...base.intervention,
        grossSuccessRate: 1.2,
        deadweightRate: -0.1,
        intake: [0.5, 0.4],
        cost: { total: '-5' },
      },
    };
    expect(paths(broken)).toEqual(
      expect.arrayContaining([
        'horizonYears',
        'intervention.grossSuccessRate',
        'intervention.deadweightRate',
        'intervention.intake',
        'intervention.cost.total',
      ]),
    );
  });

  it('quotes the value it refused', () => {
    const base = baseContract();
    const violations = validateContract({
      ...base,
      intervention: { ...base.intervention, dropoutRate: 1.5 },
    });
    expect(violations).toContainEqual({
      path: 'intervention.dropoutRate',
      message: 'must be a rate in [0, 1], got 1.5',
    });
  });

  it('refuses a dropout and a success rate that together exceed everyone', () => {
    const base = baseContract();
    const contract = {
      ...base,
      intervention: { ...base.intervention, dropoutRate: 0.7, grossSuccessRate: 0.4 },
    };
    expect(paths(contract)).toContain('intervention.dropoutRate');
  });

  it('refuses a deadweight above the gross success rate', () => {
    const base = baseContract();
    const contract = { ...base, intervention: { ...base.intervention, deadweightRate: 0.5 } };
    expect(paths(contract)).toEqual(['intervention.deadweightRate']);
  });

  it('refuses shares that do not sum to 100%, summing them as decimals', () => {
    const base = baseContract();
    // 0.1 + 0.2 + 0.7 is exactly 1 as decimals (and 0.9999999999999999 as floats)
    const exact = {
      ...base,
      intervention: { ...base.intervention, intake: [0.1, 0.2, 0.7], interventionYears: 3 },
    };
    expect(validateContract(exact)).toEqual([]);
    const short = baseContract({ gainSharing: { basis: 'fixed', shares: { kommune: 0.9 } } });
    expect(validateContract(short)).toEqual([
      { path: 'gainSharing.shares', message: 'shares must sum to 100%, got 90%' },
    ]);
  });

  it('refuses a payer level that no party holds', () => {
    const contract = baseContract({
      gainSharing: { basis: 'fixed', shares: { kommune: 0.8, stat: 0.2 } },
    });
    expect(paths(contract)).toEqual(['gainSharing.shares.stat']);
  });

  it('refuses years outside the horizon and out of order', () => {
    const contract = baseContract({
      paymentModel: {
        components: [
          {
            kind: 'threshold',
            id: 't',
            measurementYear: 7,
            improvement: 'percentagePoints',
            interpolation: 'linear',
            paymentDelayYears: 0,
            schedule: [
              { improvement: 0.2, payment: '10' },
              { improvement: 0.1, payment: '20' },
            ],
          },
        ],
      },
      observed: { stoppedAfterYear: 9, byYear: [{ year: 0, grossSuccesses: 3 }] },
    });
    expect(paths(contract)).toEqual([
      'paymentModel.components[0].measurementYear',
      'paymentModel.components[0].schedule[1].improvement',
      'observed.stoppedAfterYear',
      'observed.byYear[0].year',
    ]);
  });

  it('refuses investors bearing the cost without capital, and capital drawn beyond the commitment', () => {
    expect(paths(baseContract({ costBearer: 'investors' }))).toContain('capital');
    const overdrawn = investorContract({}, { observed: { capitalDrawn: '2000000' } });
    expect(paths(overdrawn)).toEqual(['observed.capitalDrawn']);
  });

  it('refuses a rate card on an outcome metric the intervention does not define', () => {
    const contract = baseContract({
      paymentModel: {
        components: [
          { kind: 'rateCard', id: 'r', metric: 'housing-days', price: '15', paymentDelayYears: 0 },
        ],
      },
    });
    expect(validateContract(contract)).toEqual([
      {
        path: 'paymentModel.components[0].metric',
        message: "unknown outcome metric 'housing-days'",
      },
    ]);
  });

  it('refuses a guarantee by a party that does not exist', () => {
    const contract = investorContract({
      firstLoss: { guarantorPartyId: 'nobody', maxAmount: '100' },
    });
    expect(paths(contract)).toEqual(['capital.firstLoss.guarantorPartyId']);
  });
});
