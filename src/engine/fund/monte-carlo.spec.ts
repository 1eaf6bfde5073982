import fc from 'fast-check';
import { blockStream } from '../simulation/rng';
import { runTrials } from '../simulation/runner';
import { fundArbitrary } from './fund-arbitrary.fixture';
import { flatGainProfile, fundOf, ipsProduct } from './fund.fixture';
import { simulateFundTrials } from './monte-carlo';
import {
  FUND_TRIALS_TASK,
  FUND_YEARLY_COLUMNS,
  prepareFundBlock,
  simulateFundTrial,
} from './monte-carlo-block';
import { fundSimulationParams } from './monte-carlo-params';
import { projectFund, type FundYear } from './projection';
import type { FundInput } from './types';

const SEED = 'fund-spec';
/** Trials per statistical check: enough for standard errors near 1% of the fund value, fast under ts-jest. */
const TRIALS = 8000;
/** Mean checks: a difference beyond 3 standard errors fails (about 0.3% of the time by chance). */
const STANDARD_ERRORS = 3;

/** Mean checks allow this much on top of the standard errors for floats vs øre-exact money. */
const MONEY_TOLERANCE_KR = 1;
/**
 * A trial's amounts are floats; the projection books each repayment, fee and reserve in øre
 * (half-even, repayments split by largest remainder). Each booking may differ by up to 1 øre, so
 * a trial may differ from the projection by 1 øre per partnership and year, plus float error.
 */
const ORE = 0.01;
const FLOAT_RELATIVE_TOLERANCE = 1e-9;

/** The projection's value of each Monte Carlo column in a year (gains nominal, within the horizon). */
function projectedColumn(year: FundYear, column: (typeof FUND_YEARLY_COLUMNS)[number]): number {
  switch (column) {
    case 'capitalDeployed':
      return year.capitalDeployed.toNumber();
    case 'repaymentsReceived':
      return year.repaymentsReceived.toNumber();
    case 'cash':
      return year.cash.toNumber();
    case 'fundValue':
      return year.fundValue.toNumber();
    case 'partnerships':
      return year.partnerships;
    case 'partnerKommuner':
      return year.partnerKommuner;
    case 'participantsStarted':
      return year.participantsStarted.toNumber();
    case 'peopleHelped':
      return year.peopleHelped.toNumber();
    case 'peopleEmployed':
      return year.peopleEmployed.toNumber();
    case 'additionalSuccesses':
      return year.additionalSuccesses.toNumber();
    case 'gainsKommune':
      return year.publicGains.nominal.kommune.toNumber();
    case 'gainsRegion':
      return year.publicGains.nominal.region.toNumber();
    case 'gainsStat':
      return year.publicGains.nominal.stat.toNumber();
  }
}

/** The DSI-like fund with reinvestment off: no investment decision depends on outcomes, so flows are linear in them. */
function linearFund(uncertainty: FundInput['uncertainty']): FundInput {
  return fundOf({
    stopReinvestingInLastYears: 6,
    products: [
      ipsProduct({
        gainProfile: flatGainProfile({ kommune: 40000, region: 2000, stat: 60000 }, 3),
      }),
    ],
    uncertainty,
  });
}

describe('fund Monte Carlo against the projection', () => {
  it('with no uncertainty at all, every trial is the exact projection, for any fund', () => {
    fc.assert(
      fc.property(fundArbitrary, (fund) => {
        const certain = { ...fund, uncertainty: { cohortSamplingNoise: false } };
        const projection = projectFund(certain);
        const context = prepareFundBlock(fundSimulationParams(certain));
        simulateFundTrial(context, blockStream(SEED, 0));
        FUND_YEARLY_COLUMNS.forEach((column, c) => {
          projection.years.forEach((year, y) => {
            const expected = projectedColumn(year, column);
            const simulated = context.yearly[c][y];
            const bookings = year.cumulative.partnerships + y + 1;
            const tolerance = ORE * bookings * 2 + Math.abs(expected) * FLOAT_RELATIVE_TOLERANCE;
            if (!(Math.abs(simulated - expected) <= tolerance)) {
              throw new Error(
                `${column} in ${year.year}: projection ${expected}, trial ${simulated}`,
              );
            }
          });
        });
      }),
      { seed: 20240612, numRuns: 200 },
    );
  });

  it('with only the cohorts’ binomial chance, the mean of every output stays within 3 standard errors of the projection', async () => {
    const fund = linearFund({ cohortSamplingNoise: true });
    const projection = projectFund(fund);
    const result = await simulateFundTrials(fund, { trials: TRIALS, seed: SEED });
    for (const column of FUND_YEARLY_COLUMNS) {
      projection.years.forEach((year, y) => {
        const summary = result.byYear[column][y];
        const expected = projectedColumn(year, column);
        const allowed = STANDARD_ERRORS * summary.standardError + MONEY_TOLERANCE_KR;
        if (!(Math.abs(summary.mean - expected) <= allowed)) {
          throw new Error(
            `${column} ${year.year}: projection ${expected}, mean ${summary.mean} ± ${summary.standardError}`,
          );
        }
      });
    }
    // The chance is real: the fund value's spread is not zero.
    expect(result.fundValueAtHorizon.standardDeviation).toBeGreaterThan(0);
  });

  it('a common factor widens the fund value’s 90% band while its mean stays within 3 standard errors', async () => {
    const without = await simulateFundTrials(linearFund({}), { trials: TRIALS, seed: SEED });
    const withFactor = await simulateFundTrials(
      linearFund({ commonFactor: { coefficientOfVariation: 0.3 } }),
      {
        trials: TRIALS,
        seed: SEED,
      },
    );
    const width = (s: { p5: number; p95: number }) => s.p95 - s.p5;
    // All six 2024 partnerships share one factor: the sd of their mean repayment factor grows
    // from ≈ 0.23/√6 = 0.094 (cohort chance only) to ≈ √(0.094² + 0.3²) = 0.31, so the band should
    // about treble; we ask for at least double.
    expect(width(withFactor.fundValueAtHorizon)).toBeGreaterThan(
      2 * width(without.fundValueAtHorizon),
    );
    const a = without.fundValueAtHorizon;
    const b = withFactor.fundValueAtHorizon;
    const combinedError = Math.hypot(a.standardError, b.standardError);
    expect(Math.abs(a.mean - b.mean)).toBeLessThanOrEqual(STANDARD_ERRORS * combinedError);
    const projected = projectFund(linearFund({})).years[5].fundValue.toNumber();
    expect(Math.abs(b.mean - projected)).toBeLessThanOrEqual(STANDARD_ERRORS * b.standardError);
  });
});

describe('fund Monte Carlo behaviour', () => {
  it('gives the same trials for the same seed, and a run’s first trials are those of a longer run', async () => {
    // Streams are keyed by (seed, block of 1024 trials): trials 0–1499 of a 3,000-trial run are
    // the trials of a 1,500-trial run, byte for byte.
    const params = fundSimulationParams(
      fundOf({ uncertainty: { commonFactor: { coefficientOfVariation: 0.2 } } }),
    );
    const run = (trials: number, seed: number) =>
      runTrials({ task: FUND_TRIALS_TASK.name, params, trials, seed });
    const short = await run(1500, 7);
    const long = await run(3000, 7);
    const other = await run(1500, 8);
    const horizon = params.horizonYears;
    for (const column of FUND_YEARLY_COLUMNS) {
      expect(Array.from(long.columns[column].subarray(0, 1500 * horizon))).toEqual(
        Array.from(short.columns[column]),
      );
    }
    expect(Array.from(other.columns.fundValue)).not.toEqual(Array.from(short.columns.fundValue));
  });

  it('caps a partnership’s repayments at the maximum multiple, which pulls the mean below the projection', async () => {
    // One 4 mio. kr. partnership, no reinvestment, 1.10 expected, capped at 1.20: every trial's
    // repayments are ≤ 1.20 × 4,000,000 = 4,800,000, all received by 2029 (fund value = cash).
    // Realised / expected success varies by about ±45% here, so the cap binds often and the
    // mean repayment falls below the projection's 4,400,000 (the upside is cut, the downside is not).
    const fund = fundOf({
      injections: [{ year: 2024, amount: '4000000' }],
      stopReinvestingInLastYears: 6,
      products: [
        ipsProduct({
          maxRepaymentMultiple: 1.2,
          additionalSuccessRateUncertainty: { interval90: [0.08, 0.24] },
        }),
      ],
      uncertainty: { commonFactor: { coefficientOfVariation: 0.25 } },
    });
    const result = await simulateFundTrials(fund, { trials: 4000, seed: SEED });
    expect(result.fundValueAtHorizon.max).toBeLessThanOrEqual(4_800_000 + MONEY_TOLERANCE_KR);
    expect(result.fundValueAtHorizon.max).toBeCloseTo(4_800_000, 0);
    expect(result.fundValueAtHorizon.mean).toBeLessThan(
      4_400_000 - STANDARD_ERRORS * result.fundValueAtHorizon.standardError,
    );
  });

  it('reports P(fund value at the horizon < capital) as 1 for a fund losing half of every ticket and 0 for one doubling it', async () => {
    // No uncertainty: every trial is the projection. Multiple 0.5 over 5 years leaves the 2029
    // fund value at 25,000,000 − 24,000,000 + 6 × 2,000,000 + later partnerships' half-repayments < 25,000,000.
    const losing = fundOf({
      products: [ipsProduct({ repayment: { mode: 'multiple', repaymentMultiple: 0.5 } })],
      uncertainty: { cohortSamplingNoise: false },
    });
    const doubling = fundOf({
      products: [ipsProduct({ repayment: { mode: 'multiple', repaymentMultiple: 2 } })],
      uncertainty: { cohortSamplingNoise: false },
    });
    const lost = await simulateFundTrials(losing, { trials: 200, seed: SEED });
    const doubled = await simulateFundTrials(doubling, { trials: 200, seed: SEED });
    expect(lost.probabilityFundValueBelowCapital.probability).toBe(1);
    expect(doubled.probabilityFundValueBelowCapital.probability).toBe(0);
  });

  it('a partnership that achieves no additional success repays nothing', async () => {
    // A Beta around 16% with a tiny effective sample size puts most draws near 0; with the
    // cohort's chance the realised rate is often exactly 0, and then repayments are 0: the
    // minimum fund value of a single 4 mio. kr. partnership without reinvestment is 0.
    const fund = fundOf({
      injections: [{ year: 2024, amount: '4000000' }],
      stopReinvestingInLastYears: 6,
      products: [ipsProduct({ additionalSuccessRateUncertainty: { effectiveSampleSize: 0.5 } })],
    });
    const result = await simulateFundTrials(fund, { trials: 2000, seed: SEED });
    expect(result.fundValueAtHorizon.min).toBe(0);
  });
});
