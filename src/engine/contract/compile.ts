import Decimal from 'decimal.js';
import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import type { Arith } from '../shared/arith';
import { Money, ZERO } from '../shared/decimal';
import { InvalidInputError } from '../shared/errors';
import type { GainProfile } from '../som/types';
import type {
  CompiledCapital,
  CompiledComponent,
  CompiledContract,
  CompiledCost,
  GuaranteePayer,
} from './compiled';
import { DEFAULT_REPAYMENT_START_AFTER_YEARS, DEFAULT_REPAYMENT_YEARS } from './defaults';
import { expectedOutcomes } from './outcomes';
import type { Contract, PaymentComponent, Rate } from './types';
import { validateContract } from './validate';

function money(value: string | undefined): Decimal | null {
  return value === undefined ? null : new Money(value);
}

function firstAuthorityLevel(contract: Contract): PublicActor {
  const authority = contract.parties.find((party) => party.role === 'authority');
  return authority?.level ?? 'kommune';
}

/** Shares by level, every level present (absent → 0), or all to `level` when none are given. */
function levelShares(
  shares: Partial<Record<PublicActor, Rate>> | undefined,
  level: PublicActor,
): Record<PublicActor, Decimal> {
  return Object.fromEntries(
    PUBLIC_ACTORS.map((actor) => [
      actor,
      new Money(shares ? (shares[actor] ?? 0) : actor === level ? 1 : 0),
    ]),
  ) as Record<PublicActor, Decimal>;
}

/**
 * Remaining scheduled share of a draw's principal k years after the draw year: 1 until the first
 * repayment (startAfter years after), then falling by 1/over a year to 0.
 */
export function scheduledRemainingShare(k: number, startAfter: number, over: number): Decimal {
  if (k < startAfter) return new Money(1);
  const paidInstallments = Math.min(over, k - startAfter + 1);
  return new Money(over - paidInstallments).div(over);
}

/** Intervention cost by year in Decimal from expected starts: the same rule `contractCashflows` applies. */
function expectedCostByYear(cost: CompiledCost<Decimal>, started: Decimal[]): Decimal[] {
  return started.map((count, y) => {
    const observed = cost.observed[y];
    if (observed !== null) return observed;
    if (cost.schedule) return cost.schedule[y];
    return (cost.perStarted ?? ZERO).times(count);
  });
}

function compileCost(contract: Contract): CompiledCost<Decimal> {
  const { intervention, observed, horizonYears } = contract;
  const lastActiveYear = observed?.stoppedAfterYear ?? horizonYears;
  const total = money(intervention.cost.total);
  const perParticipant = money(intervention.cost.perParticipant);
  const observedCost = new Map(
    (observed?.byYear ?? []).map((entry) => [entry.year, entry.interventionCost]),
  );
  const observedByYear = Array.from({ length: horizonYears }, (_, y) =>
    money(observedCost.get(y + 1)),
  );
  if (intervention.cost.spending) {
    const budget = total ?? (perParticipant ?? ZERO).times(intervention.participants);
    const schedule = Array.from({ length: horizonYears }, (_, y) =>
      y + 1 <= lastActiveYear ? budget.times(intervention.cost.spending?.[y] ?? 0) : ZERO,
    );
    return { perStarted: null, schedule, observed: observedByYear };
  }
  // No schedule: the cost follows the participants as they start, total ÷ participants each.
  const perStarted = perParticipant ?? (total ?? ZERO).div(intervention.participants);
  return { perStarted, schedule: null, observed: observedByYear };
}

function compileCapital(
  contract: Contract,
  cost: CompiledCost<Decimal>,
): { capital: CompiledCapital<Decimal>; cost: CompiledCost<Decimal> } | null {
  const stack = contract.capital;
  if (!stack) return null;
  const years = contract.horizonYears;
  const lastActiveYear = contract.observed?.stoppedAfterYear ?? years;
  const commitment = new Money(stack.commitment);
  let fixedDraws: Decimal[] | null = stack.drawdown
    ? Array.from({ length: years }, (_, y) =>
        y + 1 <= lastActiveYear ? commitment.times(stack.drawdown?.[y] ?? 0) : ZERO,
      )
    : null;
  const drawnObserved = money(contract.observed?.capitalDrawn);
  let adjustedCost = cost;
  if (drawnObserved) {
    // Spread the observed total over the years like the expected draws (or the expected spending).
    const weights = fixedDraws ?? expectedCostByYear(cost, expectedOutcomes(contract).started);
    const weightSum = Money.sum(ZERO, ...weights);
    fixedDraws = weights.map((w) =>
      weightSum.isZero() ? ZERO : drawnObserved.times(w).div(weightSum),
    );
    // What the provider spent is what it drew, unless the cost itself was observed.
    const draws = fixedDraws;
    adjustedCost = { ...cost, observed: cost.observed.map((value, y) => value ?? draws[y]) };
  }
  const partyPayer = (partyId: string): GuaranteePayer => {
    const party = contract.parties.find((p) => p.id === partyId);
    return party?.role === 'guarantor' || !party?.level ? 'guarantor' : party.level;
  };
  const startAfter = stack.repayment?.startAfterYears ?? DEFAULT_REPAYMENT_START_AFTER_YEARS;
  const over = stack.repayment?.overYears ?? DEFAULT_REPAYMENT_YEARS;
  const ordered = [
    ...stack.tranches.filter((t) => t.seniority === 'senior'),
    ...stack.tranches.filter((t) => t.seniority !== 'senior'),
  ];
  const capital: CompiledCapital<Decimal> = {
    commitment,
    fixedDraws,
    tranches: ordered.map((t) => ({
      id: t.id,
      share: new Money(t.share),
      growth: new Money(1).plus(t.interestRate),
    })),
    asEarned: stack.repayment?.mode === 'asEarned',
    scheduledRemaining: Array.from({ length: years }, (_, k) =>
      scheduledRemainingShare(k, startAfter, over),
    ),
    capMultiple:
      stack.returnCap?.multiple === undefined ? null : new Money(stack.returnCap.multiple),
    capGrowth:
      stack.returnCap?.annualRate === undefined
        ? null
        : new Money(1).plus(stack.returnCap.annualRate),
    excess: stack.excessPayments ?? 'toInvestors',
    firstLoss: stack.firstLoss
      ? {
          payer: partyPayer(stack.firstLoss.guarantorPartyId),
          maxAmount: money(stack.firstLoss.maxAmount),
          share: new Money(stack.firstLoss.share ?? 1),
        }
      : null,
    protection: stack.principalProtection
      ? {
          payer: partyPayer(stack.principalProtection.byPartyId),
          share: new Money(stack.principalProtection.share),
        }
      : null,
  };
  return { capital, cost: adjustedCost };
}

function compileComponent(
  component: PaymentComponent,
  contract: Contract,
): CompiledComponent<Decimal> {
  const base = { id: component.id, delay: component.paymentDelayYears, cap: money(component.cap) };
  const comparison = (rate: Rate | undefined) =>
    new Money(rate ?? contract.intervention.deadweightRate);
  switch (component.kind) {
    case 'rateCard':
      return {
        ...base,
        kind: 'rateCard',
        metric: component.metric,
        price: new Money(component.price),
      };
    case 'baselineAdjusted':
      return {
        ...base,
        kind: 'baselineAdjusted',
        price: new Money(component.price),
        comparisonRate: comparison(component.comparisonRate),
      };
    case 'threshold':
      return {
        ...base,
        kind: 'threshold',
        measurementIndex: component.measurementYear - 1,
        comparisonRate: comparison(component.comparisonRate),
        relative: component.improvement === 'relative',
        linear: component.interpolation === 'linear',
        points: component.schedule.map((point) => ({
          improvement: new Money(point.improvement),
          payment: new Money(point.payment),
        })),
      };
    case 'shareOfSavings':
      return {
        ...base,
        kind: 'shareOfSavings',
        payers: component.payers,
        shareUntilRepaid: new Money(component.shareUntilRepaid),
        shareAfterRepaid: new Money(component.shareAfterRepaid),
      };
  }
}

/** SØM gain per additional success in offset t = 1..years−1, weighted by the relapse survival. */
function compileGains(contract: Contract, gains: GainProfile): Record<PublicActor, Decimal[]> {
  const survivalPerYear = new Money(1).minus(contract.intervention.relapseRate ?? 0);
  return Object.fromEntries(
    PUBLIC_ACTORS.map((actor) => [
      actor,
      Array.from({ length: contract.horizonYears }, (_, index) => {
        const offset = gains.offsets[index];
        return offset ? offset.byActor[actor].times(survivalPerYear.pow(index)) : ZERO;
      }),
    ]),
  ) as Record<PublicActor, Decimal[]>;
}

/** The Decimal form of the compiled contract; `compileContract` converts it to any T. */
export function compileContractDecimal(
  contract: Contract,
  gains: GainProfile,
): CompiledContract<Decimal> {
  const violations = validateContract(contract);
  if (gains.measureId !== contract.intervention.successMeasureId) {
    violations.push({
      path: 'intervention.successMeasureId',
      message: `the gain profile is for '${gains.measureId}', not '${contract.intervention.successMeasureId}'`,
    });
  }
  if (gains.priceYear !== contract.priceYear) {
    violations.push({
      path: 'priceYear',
      message: `the gain profile is in ${gains.priceYear} prices, the contract in ${contract.priceYear} prices`,
    });
  }
  if (violations.length > 0) throw new InvalidInputError(violations);

  const level = firstAuthorityLevel(contract);
  const withCapital = compileCapital(contract, compileCost(contract));
  const model = contract.paymentModel;
  return {
    years: contract.horizonYears,
    cost: withCapital?.cost ?? compileCost(contract),
    costBearer: contract.costBearer,
    authorityCostShares: levelShares(contract.authorityCostShares, level),
    gainPerSuccess: compileGains(contract, gains),
    components: (model?.components ?? []).map((c) => compileComponent(c, contract)),
    caps: {
      perParticipant: money(model?.caps?.perParticipant),
      perYear: money(model?.caps?.perYear),
      total: money(model?.caps?.total),
    },
    floorTotal: money(model?.floors?.total),
    payerShares:
      contract.gainSharing?.basis === 'somGains'
        ? null
        : levelShares(contract.gainSharing?.shares, level),
    fallbackPayerShares: levelShares(undefined, level),
    capital: withCapital?.capital ?? null,
  };
}

/** Applies `convert` to every number of a compiled contract (a deep map over plain data). */
function mapCompiled<T>(value: unknown, convert: (d: Decimal) => T): unknown {
  if (Decimal.isDecimal(value)) return convert(value);
  if (Array.isArray(value)) return value.map((item) => mapCompiled(item, convert));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapCompiled(item, convert)]),
    );
  }
  return value;
}

/**
 * Prepares a contract and the SØM gain profile of its success measure for `contractCashflows`:
 * validates (InvalidInputError listing every violation, also when the profile's measure or
 * price year differs from the contract's), parses every amount, fills every default, and
 * converts all numbers to T once, so a Monte Carlo trial only does arithmetic.
 */
export function compileContract<T>(
  contract: Contract,
  gains: GainProfile,
  ar: Arith<T>,
): CompiledContract<T> {
  const compiled = compileContractDecimal(contract, gains);
  return mapCompiled(compiled, (d) => ar.fromDecimal(d)) as CompiledContract<T>;
}
