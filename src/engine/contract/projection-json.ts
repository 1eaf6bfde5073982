import Decimal from 'decimal.js';
import { WELFARE_AREAS, type WelfareArea } from '../shared/actors';
import { moneyString } from '../shared/decimal';
import { GUARANTEE_PAYERS } from './compiled';
import {
  REPORTED_ACTORS,
  type ByLevel,
  type ContractProjection,
  type ProjectionYear,
} from './projection';

/** Counts of people are expectations: 4 decimals keep 25.92 successes readable and stable. */
export const COUNT_DECIMALS = 4;
/** An IRR is printed as a fraction with 6 decimals (0.050000 = 5.0000%). */
export const RATE_DECIMALS = 6;
/** A money multiple with 4 decimals (1.1500 = 115% of the capital drawn back). */
export const MULTIPLE_DECIMALS = 4;

export type MoneyJson = string;

function count(value: Decimal): number {
  return value.toDecimalPlaces(COUNT_DECIMALS, Decimal.ROUND_HALF_EVEN).toNumber();
}

function levels(value: ByLevel): Record<'kommune' | 'region' | 'stat' | 'total', MoneyJson> {
  return {
    kommune: moneyString(value.kommune),
    region: moneyString(value.region),
    stat: moneyString(value.stat),
    total: moneyString(value.total),
  };
}

function areaLevels(
  value: Record<WelfareArea, ByLevel>,
): Record<WelfareArea, Record<'kommune' | 'region' | 'stat' | 'total', MoneyJson>> {
  return Object.fromEntries(WELFARE_AREAS.map((area) => [area, levels(value[area])])) as Record<
    WelfareArea,
    Record<'kommune' | 'region' | 'stat' | 'total', MoneyJson>
  >;
}

function byActor<T>(
  values: Record<string, T>,
  convert: (value: T) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(REPORTED_ACTORS.map((actor) => [actor, convert(values[actor])]));
}

function outcomeCounts(outcomes: ProjectionYear['outcomes']): Record<string, number> {
  return Object.fromEntries(Object.entries(outcomes).map(([key, value]) => [key, count(value)]));
}

function yearJson(year: ProjectionYear): Record<string, unknown> {
  return {
    year: year.year,
    calendarYear: year.calendarYear,
    outcomes: outcomeCounts(year.outcomes),
    interventionCost: moneyString(year.interventionCost),
    interventionCostPaid: levels(year.interventionCostPaid),
    capitalDrawn: moneyString(year.capitalDrawn),
    outcomePayments: levels(year.outcomePayments),
    trancheRepayments: Object.fromEntries(
      Object.entries(year.trancheRepayments).map(([id, value]) => [id, moneyString(value)]),
    ),
    investorExcess: moneyString(year.investorExcess),
    investorReceipts: moneyString(year.investorReceipts),
    guaranteePayments: Object.fromEntries(
      GUARANTEE_PAYERS.map((payer) => [payer, moneyString(year.guaranteePayments[payer])]),
    ),
    guaranteeReceipts: moneyString(year.guaranteeReceipts),
    providerRevenue: moneyString(year.providerRevenue),
    somGains: levels(year.somGains),
    somGainsByArea: areaLevels(year.somGainsByArea),
    net: byActor(year.net, moneyString),
    cumulativeNet: byActor(year.cumulativeNet, moneyString),
  };
}

/**
 * The stable JSON of a projection (`dsi project --format json`, the HTTP projection): money as
 * strings with exactly 2 decimals, counts as numbers with 4 decimals, the IRR as a fraction with
 * 6 decimals and the multiple with 4 (numbers), years as contract years counted from 1 with
 * their calendar year. `somGainsByArea.{area}.{level}` is given for the horizon and in each
 * `byYear` entry; the yearly cells sum over areas to that year's `somGains` and over years to the
 * horizon's. `breakEvenYear`, `net` and `npv` cover kommune, region, stat, public,
 * investor, provider and guarantor; `investor.{irr, multiple, npv, drawn, received}` are null
 * when the contract has no investors.
 */
export function projectionToJson(p: ContractProjection): Record<string, unknown> {
  const investor = p.investor;
  return {
    contract: {
      id: p.contractId,
      name: p.name,
      startYear: p.startYear,
      endYear: p.startYear + p.horizonYears - 1,
      priceYear: p.priceYear,
      horizonYears: p.horizonYears,
      costBearer: p.costBearer,
      discountRate: p.discountRate === null ? null : p.discountRate.toNumber(),
    },
    breakEvenYear: byActor(p.breakEvenYear, (year) => year),
    net: byActor(p.net, moneyString),
    npv: byActor(p.npv, moneyString),
    investor: {
      irr: investor?.irr == null ? null : Number(investor.irr.toFixed(RATE_DECIMALS)),
      multiple:
        investor?.multiple == null
          ? null
          : investor.multiple
              .toDecimalPlaces(MULTIPLE_DECIMALS, Decimal.ROUND_HALF_EVEN)
              .toNumber(),
      npv: investor ? moneyString(investor.npv) : null,
      drawn: investor ? moneyString(investor.drawn) : null,
      received: investor ? moneyString(investor.received) : null,
    },
    netPublicGain: moneyString(p.netPublicGain),
    costPerAdditionalSuccess:
      p.costPerAdditionalSuccess === null ? null : moneyString(p.costPerAdditionalSuccess),
    publicCostPerAdditionalSuccess:
      p.publicCostPerAdditionalSuccess === null
        ? null
        : moneyString(p.publicCostPerAdditionalSuccess),
    outcomes: outcomeCounts(p.outcomes),
    interventionCost: moneyString(p.interventionCost),
    outcomePayments: levels(p.outcomePayments),
    earnedByComponent: Object.fromEntries(
      Object.entries(p.earnedByComponent).map(([id, value]) => [id, moneyString(value)]),
    ),
    unpaidEarned: moneyString(p.unpaidEarned),
    somGains: levels(p.somGains),
    somGainsByArea: areaLevels(p.somGainsByArea),
    byParty: p.byParty.map((party) => ({
      partyId: party.partyId,
      name: party.name,
      role: party.role,
      ledger: party.ledger,
      share: party.share.toDecimalPlaces(COUNT_DECIMALS, Decimal.ROUND_HALF_EVEN).toNumber(),
      net: moneyString(party.net),
      netByYear: party.netByYear.map((value) => moneyString(value)),
    })),
    byYear: p.byYear.map(yearJson),
  };
}
