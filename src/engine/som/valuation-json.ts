import Decimal from 'decimal.js';
import { WELFARE_AREAS, type WelfareArea } from '../shared/actors';
import { Money, ZERO, moneyString } from '../shared/decimal';
import type { ActorAmounts, Valuation } from './valuation';

/** Money in JSON: a string with exactly two decimals, e.g. "345987.12". */
export type AmountsJson = Record<'kommune' | 'region' | 'stat' | 'total', string>;

export interface ValuationJson {
  measureId: string;
  targetGroupId: string;
  /** Total number of successes valued. */
  successes: string;
  successesByYear: { year: number; count: string }[];
  startYear: number;
  horizonYears: number;
  priceYear: number;
  discountSchedule: { fromYear: number; toYear: number | null; rate: string }[];
  excludedAreas: WelfareArea[];
  npv: AmountsJson;
  nominal: AmountsJson;
  byYear: {
    year: number;
    /** Discount factor to the start year, 10 decimals (display only; cells use the exact factor). */
    discountFactor: string;
    nominal: AmountsJson;
    discounted: AmountsJson;
    byArea: { area: WelfareArea; nominal: AmountsJson; discounted: AmountsJson }[];
  }[];
  byArea: { area: WelfareArea; nominal: AmountsJson; npv: AmountsJson }[];
}

const DISCOUNT_FACTOR_DECIMALS = 10;

/** One amount per public level and their total, as øre-exact strings. */
export function amountsToJson(value: ActorAmounts): AmountsJson {
  return {
    kommune: moneyString(value.kommune),
    region: moneyString(value.region),
    stat: moneyString(value.stat),
    total: moneyString(value.total),
  };
}

/** The stable JSON form of a valuation that the CLI and the HTTP API print. Areas in WELFARE_AREAS order. */
export function valuationToJson(valuation: Valuation): ValuationJson {
  return {
    measureId: valuation.measureId,
    targetGroupId: valuation.targetGroupId,
    successes: valuation.successes.reduce((sum, s) => sum.plus(s.count), ZERO).toString(),
    successesByYear: valuation.successes.map((s) => ({ year: s.year, count: s.count.toString() })),
    startYear: valuation.startYear,
    horizonYears: valuation.horizonYears,
    priceYear: valuation.priceYear,
    discountSchedule: valuation.discountSchedule.map((s) => ({
      fromYear: s.fromYear,
      toYear: s.toYear,
      rate: new Money(s.rate).toString(),
    })),
    excludedAreas: valuation.excludedAreas,
    npv: amountsToJson(valuation.npv),
    nominal: amountsToJson(valuation.nominal),
    byYear: valuation.byYear.map((y) => ({
      year: y.year,
      discountFactor: y.discountFactor.toFixed(DISCOUNT_FACTOR_DECIMALS, Decimal.ROUND_HALF_EVEN),
      nominal: amountsToJson(y.nominal),
      discounted: amountsToJson(y.discounted),
      byArea: WELFARE_AREAS.map((area) => ({
        area,
        nominal: amountsToJson(y.byArea[area].nominal),
        discounted: amountsToJson(y.byArea[area].discounted),
      })),
    })),
    byArea: WELFARE_AREAS.map((area) => ({
      area,
      nominal: amountsToJson(valuation.byArea[area].nominal),
      npv: amountsToJson(valuation.byArea[area].npv),
    })),
  };
}
