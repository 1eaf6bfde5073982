import fc from 'fast-check';
import Decimal from 'decimal.js';
import { PUBLIC_ACTORS } from '../shared/actors';
import { Money } from '../shared/decimal';
import { handGains, TEST_MEASURE } from './contract.fixture';
import { LEDGER_ACTORS } from './compiled';
import { projectContract } from './projection';
import type { Contract, PaymentComponent, Tranche } from './types';

/** Fixed seed: the same 150 contracts on every run, so a failure can be replayed. */
const FAST_CHECK = { seed: 20240601, numRuns: 150 };

const ore = (cents: number) => new Money(cents).div(100).toFixed(2);
const rate = (min: number, max: number) => fc.integer({ min, max }).map((k) => k / 100);

/** Random contracts within the validation rules: every payment component, capital stack and gain sharing. */
const contracts = fc
  .record({
    horizonYears: fc.integer({ min: 3, max: 10 }),
    participants: fc.integer({ min: 1, max: 400 }),
    intake: fc.constantFrom<number[]>(
      [1],
      [0.5, 0.5],
      [0.25, 0.75],
      [0.2, 0.3, 0.5],
      [0.1, 0.6, 0.3],
    ),
    costCents: fc.integer({ min: 0, max: 1_000_000_000 }),
    gross: fc.integer({ min: 5, max: 60 }),
    deadweightShare: fc.integer({ min: 0, max: 100 }),
    dropout: rate(0, 30),
    lag: fc.integer({ min: 0, max: 2 }),
    gains: fc.array(
      fc.tuple(
        fc.integer({ min: -50_000_000, max: 90_000_000 }),
        fc.integer({ min: -5_000_000, max: 9_000_000 }),
        fc.integer({ min: -20_000_000, max: 50_000_000 }),
      ),
      { minLength: 0, maxLength: 9 },
    ),
    priceCents: fc.integer({ min: 1, max: 20_000_000 }),
    savingsHigh: rate(0, 100),
    savingsLow: rate(0, 100),
    kinds: fc.subarray(['rateCard', 'baselineAdjusted', 'threshold', 'shareOfSavings'] as const),
    totalCapCents: fc.option(fc.integer({ min: 0, max: 1_500_000_000 }), { nil: undefined }),
    perYearCapCents: fc.option(fc.integer({ min: 0, max: 500_000_000 }), { nil: undefined }),
    gainSharing: fc.constantFrom<Contract['gainSharing']>(
      undefined,
      { basis: 'somGains' },
      { basis: 'fixed', shares: { kommune: 0.5, region: 0.2, stat: 0.3 } },
      { basis: 'fixed', shares: { kommune: 0.35, stat: 0.65 } },
    ),
    investors: fc.boolean(),
    tranches: fc.constantFrom<Tranche[]>(
      [{ id: 'only', seniority: 'senior', share: 1, interestRate: 0.07 }],
      [
        { id: 'senior', seniority: 'senior', share: 0.6, interestRate: 0.035 },
        { id: 'junior', seniority: 'subordinate', share: 0.4, interestRate: 0.11 },
      ],
    ),
    commitmentCents: fc.integer({ min: 0, max: 1_200_000_000 }),
    asEarned: fc.boolean(),
    excess: fc.constantFrom('toInvestors', 'toProvider', 'notPaid'),
    firstLossShare: fc.option(rate(0, 100), { nil: undefined }),
  })
  .map((r): Contract => {
    const gross = r.gross / 100;
    const deadweight = Math.floor((r.gross * r.deadweightShare) / 100) / 100;
    const price = ore(r.priceCents);
    const components: PaymentComponent[] = r.kinds.map((kind): PaymentComponent => {
      switch (kind) {
        case 'rateCard':
          return { kind, id: kind, metric: 'grossSuccesses', price, paymentDelayYears: 1 };
        case 'baselineAdjusted':
          return { kind, id: kind, price, paymentDelayYears: 0, cap: ore(r.priceCents * 7) };
        case 'threshold':
          return {
            kind,
            id: kind,
            measurementYear: 3,
            improvement: 'percentagePoints',
            interpolation: 'linear',
            paymentDelayYears: 0,
            schedule: [
              { improvement: 0, payment: price },
              { improvement: 0.3, payment: ore(r.priceCents * 3) },
            ],
          };
        case 'shareOfSavings':
          return {
            kind,
            id: kind,
            payers: ['kommune', 'stat'],
            shareUntilRepaid: r.savingsHigh,
            shareAfterRepaid: r.savingsLow,
            paymentDelayYears: 0,
          };
      }
    });
    return {
      id: 'random',
      name: 'Random contract',
      startYear: 2024,
      priceYear: 2024,
      horizonYears: r.horizonYears,
      parties: [
        { id: 'kommune', name: 'Kommune', role: 'authority', level: 'kommune' },
        { id: 'region', name: 'Region', role: 'authority', level: 'region' },
        { id: 'stat', name: 'Stat', role: 'outcomeFunder', level: 'stat' },
        { id: 'provider', name: 'Provider', role: 'provider' },
        { id: 'dsi', name: 'DSI', role: 'investor', share: 0.6 },
        { id: 'co', name: 'Co-investor', role: 'investor', share: 0.4 },
        { id: 'foundation', name: 'Foundation', role: 'guarantor' },
      ],
      intervention: {
        targetGroupId: 'group',
        successMeasureId: TEST_MEASURE,
        participants: r.participants,
        intake: r.intake,
        cost: { total: ore(r.costCents) },
        interventionYears: r.intake.length,
        grossSuccessRate: gross,
        deadweightRate: deadweight,
        dropoutRate: r.dropout,
        outcomeLagYears: r.lag,
      },
      costBearer: r.investors ? 'investors' : 'authority',
      paymentModel: {
        components,
        caps: {
          total: r.totalCapCents === undefined ? undefined : ore(r.totalCapCents),
          perYear: r.perYearCapCents === undefined ? undefined : ore(r.perYearCapCents),
        },
      },
      gainSharing: r.gainSharing,
      capital: r.investors
        ? {
            commitment: ore(r.commitmentCents),
            tranches: r.tranches,
            repayment: { mode: r.asEarned ? 'asEarned' : 'scheduled' },
            excessPayments: r.excess,
            firstLoss:
              r.firstLossShare === undefined
                ? undefined
                : { guarantorPartyId: 'foundation', share: r.firstLossShare },
          }
        : undefined,
    };
  });

const gainProfiles = fc
  .array(
    fc.tuple(
      fc.integer({ min: -5_000_000, max: 90_000_000 }),
      fc.integer({ min: -5_000_000, max: 9_000_000 }),
      fc.integer({ min: -5_000_000, max: 50_000_000 }),
    ),
    { minLength: 0, maxLength: 9 },
  )
  // gains with 3 decimals, so every split needs rounding
  .map((rows) => handGains(rows.map(([k, r, s]) => [k / 1000, r / 1000, s / 1000])));

const components = (contract: Contract) => contract.paymentModel?.components.length ?? 0;
const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new Money(0));

describe('splits and money conservation (property tests, fixed seed)', () => {
  it('every split across kommune, region and stat sums exactly to its total, every year', () => {
    fc.assert(
      fc.property(contracts, gainProfiles, (contract, gains) => {
        for (const year of projectContract(contract, gains).byYear) {
          for (const split of [year.outcomePayments, year.somGains, year.interventionCostPaid]) {
            expect(sum(PUBLIC_ACTORS.map((a) => split[a])).eq(split.total)).toBe(true);
          }
          expect(sum(PUBLIC_ACTORS.map((a) => year.net[a])).eq(year.net.public)).toBe(true);
        }
      }),
      FAST_CHECK,
    );
  });

  it('money is conserved: all ledgers together net the SØM gains less the intervention cost', () => {
    fc.assert(
      fc.property(contracts, gainProfiles, (contract, gains) => {
        for (const year of projectContract(contract, gains).byYear) {
          const ledgers = sum(LEDGER_ACTORS.map((actor) => year.net[actor]));
          expect(ledgers.toFixed(2)).toBe(
            year.somGains.total.minus(year.interventionCost).toFixed(2),
          );
        }
      }),
      FAST_CHECK,
    );
  });

  it('every amount is in whole øre and the parties of a ledger sum to it', () => {
    fc.assert(
      fc.property(contracts, gainProfiles, (contract, gains) => {
        const p = projectContract(contract, gains);
        for (const year of p.byYear) {
          for (const value of [
            ...Object.values(year.net),
            year.investorReceipts,
            year.capitalDrawn,
          ]) {
            expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
          }
        }
        for (const ledger of ['kommune', 'investor'] as const) {
          const parties = p.byParty.filter((party) => party.ledger === ledger);
          p.byYear.forEach((year, y) => {
            expect(sum(parties.map((party) => party.netByYear[y])).eq(year.net[ledger])).toBe(true);
          });
        }
      }),
      FAST_CHECK,
    );
  });

  it('outcome payments never exceed the total cap nor the cap per year', () => {
    fc.assert(
      fc.property(contracts, gainProfiles, (contract, gains) => {
        const caps = contract.paymentModel?.caps ?? {};
        const p = projectContract(contract, gains);
        const earned = sum(Object.values(p.earnedByComponent));
        if (caps.total !== undefined) expect(p.outcomePayments.total.lte(caps.total)).toBe(true);
        if (caps.perYear !== undefined && !contract.capital) {
          for (const year of p.byYear)
            expect(year.outcomePayments.total.lte(caps.perYear)).toBe(true);
        }
        // nobody pays more than was earned; each component total and each year is rounded to the
        // øre on its own, so the two sums may differ by half an øre per component and per year
        const roundingSlack = new Money('0.005').times(
          components(contract) + contract.horizonYears,
        );
        expect(p.outcomePayments.total.lte(earned.plus(roundingSlack))).toBe(true);
      }),
      FAST_CHECK,
    );
  });

  it('the cumulative net at the horizon is the reported net', () => {
    fc.assert(
      fc.property(contracts, gainProfiles, (contract, gains) => {
        const p = projectContract(contract, gains);
        for (const actor of LEDGER_ACTORS) {
          expect(sum(p.byYear.map((year) => year.net[actor])).eq(p.net[actor])).toBe(true);
        }
      }),
      FAST_CHECK,
    );
  });
});
