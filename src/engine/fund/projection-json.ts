import Decimal from 'decimal.js';
import { moneyString } from '../shared/decimal';
import { amountsToJson, type AmountsJson } from '../som';
import { WELFARE_AREAS, type WelfareArea } from '../shared/actors';
import type { PublicGains, PublicGainsByArea } from './gains';
import type { FundFlows, FundProjection } from './projection';

/**
 * The stable JSON form of a fund projection, for the CLI and the HTTP API. Money is a string
 * with exactly two decimals; expected counts of people are strings with two decimals (they are
 * expectations and may be fractional); partnerships and kommuner are whole numbers.
 */

export interface PublicGainsJson {
  nominal: AmountsJson;
  npv: AmountsJson;
}

/** Gains by welfare area; per actor and basis the areas sum exactly to the matching `publicGains`. */
export type PublicGainsByAreaJson = Record<WelfareArea, PublicGainsJson>;

export interface FundFlowsJson {
  injections: string;
  capitalDeployed: string;
  repaymentsReceived: string;
  principalRepaid: string;
  returns: string;
  operatingCosts: string;
  managementFees: string;
  feesAndCosts: string;
  losses: string;
  partnerships: number;
  partnerKommuner: number;
  participantsStarted: string;
  peopleHelped: string;
  peopleEmployed: string;
  grossSuccesses: string;
  additionalSuccesses: string;
  publicGains: PublicGainsJson;
  publicGainsByArea: PublicGainsByAreaJson;
}

export interface FundYearJson extends FundFlowsJson {
  year: number;
  cash: string;
  outstandingPrincipal: string;
  remainingExpectedRepayments: string;
  fundValue: string;
  cumulative: FundFlowsJson;
}

export interface FundProjectionJson {
  startYear: number;
  endYear: number;
  horizonYears: number;
  initialCapital: string;
  /** Capital deployed over the horizon, reinvestments included. */
  totalInvested: string;
  repaymentsReceived: string;
  returns: string;
  feesAndCosts: string;
  losses: string;
  cashAtHorizon: string;
  remainingExpectedRepaymentsAtHorizon: string;
  fundValueAtHorizon: string;
  fundValueBasis: string;
  partnerships: number;
  partnerKommuner: number;
  participantsStarted: string;
  peopleHelped: string;
  peopleEmployed: string;
  grossSuccesses: string;
  additionalSuccesses: string;
  /** Gains accruing within the horizon. */
  publicGains: PublicGainsJson;
  /** Gains of the same partnerships over their whole SØM profile, after the horizon too. */
  publicGainsLifetime: PublicGainsJson;
  /** `publicGains` by welfare area (the sum of the years' `publicGainsByArea`). */
  publicGainsByArea: PublicGainsByAreaJson;
  /** `publicGainsLifetime` by welfare area. */
  publicGainsLifetimeByArea: PublicGainsByAreaJson;
  byYear: FundYearJson[];
  partnershipLedger: {
    productId: string;
    year: number;
    investment: string;
    participants: string;
    expectedRepayments: { year: number; amount: string }[];
  }[];
}

export const FUND_VALUE_BASIS =
  'cash + remaining expected repayments of partnerships started, undiscounted';

const COUNT_DECIMALS = 2;

/** An expected count of people, half-even to two decimals. */
function countString(value: Decimal): string {
  return value.toDecimalPlaces(COUNT_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed(COUNT_DECIMALS);
}

function gainsJson(gains: PublicGains): PublicGainsJson {
  return { nominal: amountsToJson(gains.nominal), npv: amountsToJson(gains.npv) };
}

function gainsByAreaJson(gains: PublicGainsByArea): PublicGainsByAreaJson {
  return Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, gainsJson(gains[area])]),
  ) as PublicGainsByAreaJson;
}

function flowsJson(flows: FundFlows): FundFlowsJson {
  return {
    injections: moneyString(flows.injections),
    capitalDeployed: moneyString(flows.capitalDeployed),
    repaymentsReceived: moneyString(flows.repaymentsReceived),
    principalRepaid: moneyString(flows.principalRepaid),
    returns: moneyString(flows.returns),
    operatingCosts: moneyString(flows.operatingCosts),
    managementFees: moneyString(flows.managementFees),
    feesAndCosts: moneyString(flows.feesAndCosts),
    losses: moneyString(flows.losses),
    partnerships: flows.partnerships,
    partnerKommuner: flows.partnerKommuner,
    participantsStarted: countString(flows.participantsStarted),
    peopleHelped: countString(flows.peopleHelped),
    peopleEmployed: countString(flows.peopleEmployed),
    grossSuccesses: countString(flows.grossSuccesses),
    additionalSuccesses: countString(flows.additionalSuccesses),
    publicGains: gainsJson(flows.publicGains),
    publicGainsByArea: gainsByAreaJson(flows.publicGainsByArea),
  };
}

export function fundProjectionToJson(projection: FundProjection): FundProjectionJson {
  const totals = projection.totals;
  const last = projection.years[projection.years.length - 1];
  return {
    startYear: projection.startYear,
    endYear: projection.endYear,
    horizonYears: projection.horizonYears,
    initialCapital: moneyString(projection.initialCapital),
    totalInvested: moneyString(totals.capitalDeployed),
    repaymentsReceived: moneyString(totals.repaymentsReceived),
    returns: moneyString(totals.returns),
    feesAndCosts: moneyString(totals.feesAndCosts),
    losses: moneyString(totals.losses),
    cashAtHorizon: moneyString(last.cash),
    remainingExpectedRepaymentsAtHorizon: moneyString(last.remainingExpectedRepayments),
    fundValueAtHorizon: moneyString(last.fundValue),
    fundValueBasis: FUND_VALUE_BASIS,
    partnerships: totals.partnerships,
    partnerKommuner: totals.partnerKommuner,
    participantsStarted: countString(totals.participantsStarted),
    peopleHelped: countString(totals.peopleHelped),
    peopleEmployed: countString(totals.peopleEmployed),
    grossSuccesses: countString(totals.grossSuccesses),
    additionalSuccesses: countString(totals.additionalSuccesses),
    publicGains: gainsJson(totals.publicGains),
    publicGainsLifetime: gainsJson(projection.publicGainsLifetime),
    publicGainsByArea: gainsByAreaJson(totals.publicGainsByArea),
    publicGainsLifetimeByArea: gainsByAreaJson(projection.publicGainsLifetimeByArea),
    byYear: projection.years.map((year) => ({
      year: year.year,
      ...flowsJson(year),
      cash: moneyString(year.cash),
      outstandingPrincipal: moneyString(year.outstandingPrincipal),
      remainingExpectedRepayments: moneyString(year.remainingExpectedRepayments),
      fundValue: moneyString(year.fundValue),
      cumulative: flowsJson(year.cumulative),
    })),
    partnershipLedger: projection.partnerships.map((partnership) => ({
      productId: partnership.productId,
      year: partnership.year,
      investment: moneyString(partnership.investment),
      participants: countString(partnership.participants),
      expectedRepayments: partnership.expectedRepayments.map((entry) => ({
        year: entry.year,
        amount: moneyString(entry.amount),
      })),
    })),
  };
}
