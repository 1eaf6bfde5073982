import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { PUBLIC_ACTORS } from '../shared/actors';
import { Money, ZERO, toOre } from '../shared/decimal';
import { fundArbitrary } from './fund-arbitrary.fixture';
import { projectFund } from './projection';
import type { FundInput } from './types';

/** Fixed seed: a failure reproduces with the same inputs. */
const PROPERTY_SEED = 20240611;
const PROPERTY_RUNS = 300;

describe('projectFund: invariants over random funds', () => {
  it('conserves money every year: cash + outstanding principal + losses + fees and costs = injections + returns', () => {
    fc.assert(
      fc.property(fundArbitrary, (fund) => {
        const projection = projectFund(fund);
        for (const year of projection.years) {
          const c = year.cumulative;
          const held = year.cash
            .plus(year.outstandingPrincipal)
            .plus(c.losses)
            .plus(c.feesAndCosts);
          const brought = c.injections.plus(c.returns);
          if (!held.eq(brought)) {
            throw new Error(
              `year ${year.year}: cash ${year.cash.toFixed(2)} + outstanding ${year.outstandingPrincipal.toFixed(2)} + losses ${c.losses.toFixed(2)} + fees ${c.feesAndCosts.toFixed(2)} = ${held.toFixed(2)}, but injections ${c.injections.toFixed(2)} + returns ${c.returns.toFixed(2)} = ${brought.toFixed(2)}`,
            );
          }
        }
      }),
      { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
    );
  });

  it('defines returns as repayments minus principal repaid, and fund value as cash plus the repayments still expected', () => {
    fc.assert(
      fc.property(fundArbitrary, (fund) => {
        const projection = projectFund(fund);
        return projection.years.every(
          (year) =>
            year.returns.eq(year.repaymentsReceived.minus(year.principalRepaid)) &&
            year.fundValue.eq(year.cash.plus(year.remainingExpectedRepayments)),
        );
      }),
      { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
    );
  });

  it('books every amount in whole øre and splits public gains so the actors sum exactly to the total', () => {
    fc.assert(
      fc.property(fundArbitrary, (fund) => {
        const projection = projectFund(fund);
        return projection.years.every((year) => {
          const amounts = [
            year.cash,
            year.capitalDeployed,
            year.repaymentsReceived,
            year.feesAndCosts,
            year.losses,
          ];
          const gains = [year.publicGains.nominal, year.publicGains.npv];
          return (
            amounts.every((amount) => amount.decimalPlaces() <= 2) &&
            gains.every((split) =>
              PUBLIC_ACTORS.reduce((sum, actor) => sum.plus(split[actor]), ZERO).eq(split.total),
            )
          );
        });
      }),
      { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
    );
  });

  it('never invests the liquidity reserve or money it does not have', () => {
    fc.assert(
      fc.property(fundArbitrary, (fund) => {
        const projection = projectFund(fund);
        return projection.years.every(
          (year) =>
            year.capitalDeployed.isZero() ||
            year.cash.gte(reserveOf(fund, year.cumulative.injections)),
        );
      }),
      { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
    );
  });
});

/** The reserve as the model defines it: a fixed amount, or the share of capital injected to date in whole øre (half-even). */
function reserveOf(fund: FundInput, injected: Decimal): Decimal {
  const reserve = fund.liquidityReserve;
  if (reserve === undefined) return ZERO;
  return 'amount' in reserve
    ? new Money(reserve.amount)
    : toOre(injected.times(reserve.shareOfCapital));
}
