import fc from 'fast-check';
import { decimalArith, floatArith } from '../shared/arith';
import { PUBLIC_ACTORS } from '../shared/actors';
import { contractCashflows, createCashflowWorkspace, type CashflowsByYear } from './cashflows';
import type { CompiledContract } from './compiled';
import { compileContract } from './compile';
import { handGains, investorContract } from './contract.fixture';
import { expectedOutcomes, mapOutcomes, type OutcomesByYear } from './outcomes';
import type { Contract, PaymentComponent } from './types';

/** Fixed seed: the same cases on every run, so a failure can be replayed. */
const FAST_CHECK = { seed: 20250305, numRuns: 60 };

/** Gains in five years after a success, every level and both signs, so payer shares move. */
const GAINS = handGains([
  [40000, 8000, 15000],
  [35000, -2000, 15000],
  [30000, 0, 12000],
  [20000, 1000, 9000],
  [10000, 0, 5000],
]);

/** Every kind of payment component, under caps, with two tranches, a first-loss cover and a floor. */
function everyMechanism(excess: 'toInvestors' | 'toProvider' | 'notPaid'): Contract {
  const components: PaymentComponent[] = [
    {
      kind: 'rateCard',
      id: 'per-success',
      metric: 'grossSuccesses',
      price: '9000',
      paymentDelayYears: 1,
    },
    {
      kind: 'baselineAdjusted',
      id: 'above-baseline',
      price: '25000',
      cap: '900000',
      paymentDelayYears: 0,
    },
    {
      kind: 'threshold',
      id: 'cohort',
      measurementYear: 3,
      improvement: 'percentagePoints',
      interpolation: 'linear',
      paymentDelayYears: 0,
      schedule: [
        { improvement: 0.05, payment: '100000' },
        { improvement: 0.3, payment: '400000' },
      ],
    },
    {
      kind: 'shareOfSavings',
      id: 'savings',
      payers: ['kommune', 'stat'],
      shareUntilRepaid: 0.6,
      shareAfterRepaid: 0.2,
      cap: '500000',
      paymentDelayYears: 0,
    },
  ];
  const base = investorContract(
    {
      tranches: [
        { id: 'senior', seniority: 'senior', share: 0.7, interestRate: 0.04 },
        { id: 'junior', seniority: 'subordinate', share: 0.3, interestRate: 0.09 },
      ],
      excessPayments: excess,
      firstLoss: { guarantorPartyId: 'foundation', share: 0.5, maxAmount: '200000' },
    },
    { gainSharing: { basis: 'somGains' } },
  );
  return {
    ...base,
    parties: [...base.parties, { id: 'foundation', name: 'Foundation', role: 'guarantor' }],
    paymentModel: { components, caps: { total: '1400000' }, floors: { total: '50000' } },
  };
}

/** The contract's expected outcomes with every count of every year multiplied by its own factor. */
function perturbed(contract: Contract, factors: number[]): OutcomesByYear<number> {
  const expected = mapOutcomes(expectedOutcomes(contract), (count) => count.toNumber());
  let next = 0;
  const scale = (values: number[]) =>
    values.map((value) => value * factors[next++ % factors.length]);
  return {
    ...expected,
    started: scale(expected.started),
    measured: scale(expected.measured),
    grossSuccesses: scale(expected.grossSuccesses),
    additionalSuccesses: scale(expected.additionalSuccesses),
  };
}

/** The compiled contract with every component's price (and payment) multiplied by `factor`. */
function withPrices(compiled: CompiledContract<number>, factor: number): CompiledContract<number> {
  return {
    ...compiled,
    components: compiled.components.map((component) =>
      component.kind === 'rateCard' || component.kind === 'baselineAdjusted'
        ? { ...component, price: component.price * factor }
        : component,
    ),
  };
}

/** A deep copy, so a later call through the same workspace cannot change what is compared. */
const copy = <T>(flows: CashflowsByYear<T>): CashflowsByYear<T> => structuredClone(flows);

describe('cash flows written into a reused workspace', () => {
  it('equal freshly allocated cash flows for any sequence of outcomes and prices (property, seed 20250305)', () => {
    const cases = fc.array(
      fc.record({
        factors: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), {
          minLength: 1,
          maxLength: 8,
        }),
        price: fc.constantFrom(0, 0.5, 1, 3),
      }),
      { minLength: 2, maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('toInvestors', 'toProvider', 'notPaid'),
        cases,
        (excess, calls) => {
          const contract = everyMechanism(excess);
          const compiled = compileContract(contract, GAINS, floatArith);
          const workspace = createCashflowWorkspace(compiled, floatArith);
          for (const call of calls) {
            const priced = withPrices(compiled, call.price);
            const outcomes = perturbed(contract, call.factors);
            const reused = copy(contractCashflows(priced, outcomes, floatArith, workspace));
            expect(reused).toEqual(contractCashflows(priced, outcomes, floatArith));
          }
        },
      ),
      FAST_CHECK,
    );
  });

  it('equal freshly allocated cash flows in exact decimals too', () => {
    const contract = everyMechanism('toInvestors');
    const compiled = compileContract(contract, GAINS, decimalArith);
    const workspace = createCashflowWorkspace(compiled, decimalArith);
    const outcomes = [1.3, 0.4, 0].map((factor) =>
      mapOutcomes(expectedOutcomes(contract), (count) => count.times(factor)),
    );
    for (const outcome of outcomes) {
      const reused = contractCashflows(compiled, outcome, decimalArith, workspace);
      const fresh = contractCashflows(compiled, outcome, decimalArith);
      // Decimals serialise as their exact decimal strings.
      expect(JSON.stringify(reused)).toEqual(JSON.stringify(fresh));
    }
  });

  it('exercise every mechanism the workspace holds state for', () => {
    // Guards the property above against a contract that never reaches a mechanism: the
    // savings component, both tranches, the first-loss cover and every level pay something.
    const contract = everyMechanism('toInvestors');
    const compiled = compileContract(contract, GAINS, floatArith);
    const good = contractCashflows(compiled, perturbed(contract, [0.2]), floatArith);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(good.earnedByComponent.savings)).toBeGreaterThan(0);
    expect(sum(good.trancheRepayments.senior)).toBeGreaterThan(0);
    // Nobody succeeds: the floor is paid, the investors lose and the first-loss cover pays.
    const expected = mapOutcomes(expectedOutcomes(contract), (count) => count.toNumber());
    const none = expected.started.map(() => 0);
    const nobody = { ...expected, grossSuccesses: none, additionalSuccesses: none };
    const bad = contractCashflows(compiled, nobody, floatArith);
    expect(sum(bad.guaranteePayments.guarantor)).toBeGreaterThan(0);
    const flows = good;
    for (const actor of PUBLIC_ACTORS) expect(sum(flows.somGains[actor])).not.toBe(0);
  });
});
