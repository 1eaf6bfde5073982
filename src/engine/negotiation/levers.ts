import Decimal from 'decimal.js';
import type {
  BaselineAdjustedComponent,
  Contract,
  PaymentComponent,
  RateCardComponent,
} from '../contract/types';
import { Money } from '../shared/decimal';
import { InvalidInputError } from '../shared/errors';
import {
  LEVER_NAMES,
  type Lever,
  type LeverName,
  type LeverRequest,
  type LeverUnit,
} from './types';

/**
 * The levers: each sets one well-defined term of a copy of the contract.
 * - pricePerOutcome: the price of the priced components (rate card, baseline-adjusted). With
 *   `component`, that component's price is the value; without, the first priced component's
 *   price is the value and every other priced component is scaled by the same factor (so a rate
 *   card keeps its proportions). Threshold schedules and shares of savings are not touched.
 * - totalCap: paymentModel.caps.total, the cap on all outcome payments together.
 * - statShare: fixed gain sharing in which the stat funds this share of the outcome payments, the
 *   region keeps its fixed share (0 unless the contract fixes one) and the kommune funds the
 *   rest. A state party (outcome funder) is added when the contract names none.
 * - repaymentMultiple: capital.returnCap.multiple, the afkastloft: the investors never receive
 *   more than this multiple of the capital drawn (an annual-rate cap, if any, stays).
 * - trancheInterestRate: the interest rate of every tranche (what the investors are owed).
 * - firstLossCover: capital.firstLoss.maxAmount, the underskudsgaranti's maximum; without a
 *   first-loss cover, one is created for the contract's first guarantor party.
 */

/** Money levers move in whole øre. */
export const MONEY_RESOLUTION = 0.01;
/** Rates, shares and multiples move in steps of 10⁻⁶ (a hundredth of a basis point). */
export const RATE_RESOLUTION = 1e-6;

/** Default price range: 0 to twice today's price (assumption: a negotiation moves within that). */
export const PRICE_RANGE_FACTOR = 2;
/** Default cap range with a cap: 0 to twice today's cap (assumption, as for the price). */
export const CAP_RANGE_FACTOR = 2;
/**
 * Default cap range without a cap: 0 to 3 × the intervention cost, the median ratio of maximum
 * outcome payments to capital in impact bonds (DOMAIN.md §5, 'Returns seen').
 */
export const CAP_RANGE_COST_MULTIPLE = 3;
/** Default afkastloft range: from repaying the capital (1×) to doubling it (assumption). */
export const MULTIPLE_RANGE: [number, number] = [1, 2];
/** Default interest range: 0–15%, the span of IRRs stated in impact bonds (DOMAIN.md §5). */
export const INTEREST_RANGE: [number, number] = [0, 0.15];

/** The party added by statShare when the contract names no state party. */
export const ADDED_STATE_PARTY = {
  id: 'stat-outcome-funder',
  name: 'Staten (co-paying outcomes)',
  role: 'outcomeFunder' as const,
  level: 'stat' as const,
};

const UNITS: Record<LeverName, LeverUnit> = {
  pricePerOutcome: 'kroner',
  totalCap: 'kroner',
  statShare: 'share',
  repaymentMultiple: 'multiple',
  trancheInterestRate: 'rate',
  firstLossCover: 'kroner',
};

type PricedComponent = RateCardComponent | BaselineAdjustedComponent;

function isPriced(component: PaymentComponent): component is PricedComponent {
  return component.kind === 'rateCard' || component.kind === 'baselineAdjusted';
}

/** The intervention's total cost in kroner (a total, or per participant × participants). */
export function interventionCostTotal(contract: Contract): number {
  const cost = contract.intervention.cost;
  if (cost.total !== undefined) return Number(cost.total);
  return new Money(cost.perParticipant ?? 0).times(contract.intervention.participants).toNumber();
}

/** Rounds a lever value to its resolution (money half-even to the øre). */
export function snapToResolution(value: number, resolution: number): number {
  const steps = new Money(value).div(resolution).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
  return steps.times(resolution).toNumber();
}

function moneyText(value: number): string {
  return new Money(value).toFixed(2, Decimal.ROUND_HALF_EVEN);
}

function pricedComponents(contract: Contract, component: string | null): PricedComponent[] {
  const priced = (contract.paymentModel?.components ?? []).filter(isPriced);
  return component === null ? priced : priced.filter((c) => c.id === component);
}

/** What a lever reads today, or null; throws when the contract cannot take the lever at all. */
function currentValue(contract: Contract, request: LeverRequest, path: string): number | null {
  const fail = (field: string, message: string): never => {
    throw new InvalidInputError([{ path: `${path}.${field}`, message }]);
  };
  if (request.component !== undefined && request.name !== 'pricePerOutcome') {
    fail('component', 'only the pricePerOutcome lever prices a single component');
  }
  switch (request.name) {
    case 'pricePerOutcome': {
      const priced = pricedComponents(contract, request.component ?? null);
      if (priced.length === 0) {
        return request.component === undefined
          ? fail('name', 'the contract has no rate-card or baseline-adjusted component to price')
          : fail('component', `no rate-card or baseline-adjusted component '${request.component}'`);
      }
      if (request.component === undefined && priced.length > 1 && Number(priced[0].price) === 0) {
        fail(
          'component',
          'the first priced component has price 0, so the others cannot be scaled; name one',
        );
      }
      return Number(priced[0].price);
    }
    case 'totalCap':
      if (!contract.paymentModel) fail('name', 'the contract has no payment model to cap');
      return contract.paymentModel?.caps?.total === undefined
        ? null
        : Number(contract.paymentModel.caps.total);
    case 'statShare':
      if (!contract.paymentModel) fail('name', 'the contract has no outcome payments to share');
      return contract.gainSharing?.basis === 'fixed'
        ? (contract.gainSharing.shares.stat ?? 0)
        : null;
    case 'repaymentMultiple':
    case 'trancheInterestRate':
    case 'firstLossCover':
      if (!contract.capital) fail('name', `the contract has no investors, so no ${request.name}`);
      if (request.name === 'repaymentMultiple')
        return contract.capital?.returnCap?.multiple ?? null;
      if (request.name === 'trancheInterestRate')
        return contract.capital?.tranches[0]?.interestRate ?? null;
      if (!contract.capital?.firstLoss && !contract.parties.some((p) => p.role === 'guarantor')) {
        fail('name', 'the contract has no first-loss cover and no guarantor party to give one');
      }
      return contract.capital?.firstLoss?.maxAmount === undefined
        ? null
        : Number(contract.capital.firstLoss.maxAmount);
    default:
      return fail('name', `unknown lever; expected one of ${LEVER_NAMES.join(', ')}`);
  }
}

function regionFixedShare(contract: Contract): number {
  return contract.gainSharing?.basis === 'fixed' ? (contract.gainSharing.shares.region ?? 0) : 0;
}

function defaultRange(
  contract: Contract,
  name: LeverName,
  current: number | null,
): [number, number] {
  const cost = interventionCostTotal(contract);
  switch (name) {
    case 'pricePerOutcome':
      return [0, current ? current * PRICE_RANGE_FACTOR : cost];
    case 'totalCap':
      return [0, current ? current * CAP_RANGE_FACTOR : cost * CAP_RANGE_COST_MULTIPLE];
    case 'statShare':
      return [0, new Money(1).minus(regionFixedShare(contract)).toNumber()];
    case 'repaymentMultiple':
      return MULTIPLE_RANGE;
    case 'trancheInterestRate':
      return INTEREST_RANGE;
    case 'firstLossCover':
      return [0, Number(contract.capital?.commitment ?? 0)];
  }
}

/**
 * The lever a request names, checked against the contract, with its range (the request's, else
 * the default above) and resolution. Throws InvalidInputError with paths under `path`.
 */
export function resolveLever(contract: Contract, request: LeverRequest, path = 'lever'): Lever {
  const current = currentValue(contract, request, path);
  const unit = UNITS[request.name];
  const resolution = unit === 'kroner' ? MONEY_RESOLUTION : RATE_RESOLUTION;
  const [defaultMin, defaultMax] = defaultRange(contract, request.name, current);
  const min = snapToResolution(request.min ?? defaultMin, resolution);
  const max = snapToResolution(request.max ?? defaultMax, resolution);
  const violations: { path: string; message: string }[] = [];
  if (!Number.isFinite(min) || min < 0)
    violations.push({ path: `${path}.min`, message: `must be a number >= 0, got ${min}` });
  if (!(max > min))
    violations.push({ path: `${path}.max`, message: `must be above min (${min}), got ${max}` });
  const upper = unit === 'share' ? defaultMax : unit === 'rate' ? 1 : Infinity;
  if (max > upper)
    violations.push({
      path: `${path}.max`,
      message: `must be at most ${upper} for ${request.name}, got ${max}`,
    });
  if (violations.length > 0) throw new InvalidInputError(violations);
  return {
    name: request.name,
    unit,
    min,
    max,
    component: request.component ?? null,
    resolution,
    current,
  };
}

/** A copy of the contract with the lever set to `value` (already snapped to its resolution). */
export function applyLever(contract: Contract, lever: Lever, value: number): Contract {
  const next = structuredClone(contract);
  switch (lever.name) {
    case 'pricePerOutcome': {
      const priced = pricedComponents(next, lever.component);
      const factor = Number(priced[0].price) === 0 ? null : new Money(value).div(priced[0].price);
      priced.forEach((component, index) => {
        if (index === 0) component.price = moneyText(value);
        else if (factor) component.price = moneyText(factor.times(component.price).toNumber());
      });
      return next;
    }
    case 'totalCap':
      next.paymentModel = {
        ...next.paymentModel!,
        caps: { ...next.paymentModel?.caps, total: moneyText(value) },
      };
      return next;
    case 'statShare': {
      const region = regionFixedShare(next);
      const kommune = new Money(1).minus(region).minus(value).toNumber();
      next.gainSharing = { basis: 'fixed', shares: { kommune, region, stat: value } };
      if (!next.parties.some((party) => party.level === 'stat'))
        next.parties.push({ ...ADDED_STATE_PARTY });
      return next;
    }
    case 'repaymentMultiple':
      next.capital!.returnCap = { ...next.capital!.returnCap, multiple: value };
      return next;
    case 'trancheInterestRate':
      next.capital!.tranches = next.capital!.tranches.map((t) => ({ ...t, interestRate: value }));
      return next;
    case 'firstLossCover': {
      const capital = next.capital!;
      const guarantor = next.parties.find((party) => party.role === 'guarantor');
      capital.firstLoss = capital.firstLoss
        ? { ...capital.firstLoss, maxAmount: moneyText(value) }
        : { guarantorPartyId: guarantor!.id, maxAmount: moneyText(value) };
      return next;
    }
  }
}
