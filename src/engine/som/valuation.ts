import Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money, ZERO, toOre } from '../shared/decimal';
import { discountFactor, flatDiscountSchedule, type DiscountSchedule } from '../shared/discount';
import { InvalidInputError } from '../shared/errors';
import { gainProfile } from './gain-profile';
import { findSuccessMeasure, knowledgeDiscountSchedule } from './knowledge-lookup';
import type { KnowledgeBase } from './types';

export interface SuccessesInYear {
  /** Calendar year in which the successes are achieved. */
  year: number;
  /** Number of successes; may be fractional (an expectation). */
  count: number | string;
}

export interface ValuationRequest {
  measureId: string;
  successes: readonly SuccessesInYear[];
  /** Base year of discounting: an amount in calendar year y is discounted by discountFactor(y − startYear). */
  startYear: number;
  /** A success in year k has consequences in years k+1 .. k+horizonYears. */
  horizonYears: number;
  priceYear: number;
  /** Flat yearly rate overriding the knowledge base's schedule (e.g. 0.04). */
  discountRate?: number;
  excludedAreas?: readonly WelfareArea[];
}

export type ActorAmounts = Record<PublicActor | 'total', Decimal>;

export interface NominalAndDiscounted {
  nominal: ActorAmounts;
  discounted: ActorAmounts;
}

export interface YearValuation extends NominalAndDiscounted {
  year: number;
  discountFactor: Decimal;
  byArea: Record<WelfareArea, NominalAndDiscounted>;
}

export interface AreaValuation {
  nominal: ActorAmounts;
  npv: ActorAmounts;
}

/**
 * A SØM valuation in øre-exact money: every cell (year × area × actor) is rounded to øre
 * half-even, and every total is the sum of rounded cells, so all splits add up exactly.
 */
export interface Valuation {
  measureId: string;
  targetGroupId: string;
  successes: { year: number; count: Decimal }[];
  startYear: number;
  horizonYears: number;
  priceYear: number;
  discountSchedule: DiscountSchedule;
  excludedAreas: WelfareArea[];
  byYear: YearValuation[];
  byArea: Record<WelfareArea, AreaValuation>;
  nominal: ActorAmounts;
  npv: ActorAmounts;
}

function zeroAmounts(): ActorAmounts {
  return { kommune: ZERO, region: ZERO, stat: ZERO, total: ZERO };
}

function addInto(target: ActorAmounts, actor: PublicActor, amount: Decimal): void {
  target[actor] = target[actor].plus(amount);
  target.total = target.total.plus(amount);
}

/** Rounds a cell to øre, half-even, without a signed zero (which would print as "-0.00"). */
function roundCell(value: Decimal): Decimal {
  const rounded = toOre(value);
  return rounded.isZero() ? ZERO : rounded;
}

function validate(kb: KnowledgeBase, request: ValuationRequest): void {
  const violations: { path: string; message: string }[] = [];
  const wholeYear = (value: number, path: string) => {
    if (!Number.isInteger(value))
      violations.push({ path, message: `must be a whole year, got ${value}` });
  };
  wholeYear(request.startYear, 'startYear');
  wholeYear(request.priceYear, 'priceYear');
  if (!Number.isInteger(request.horizonYears) || request.horizonYears < 1) {
    violations.push({
      path: 'horizonYears',
      message: `must be a whole number >= 1, got ${request.horizonYears}`,
    });
  }
  request.successes.forEach((s, i) => {
    wholeYear(s.year, `successes.${i}.year`);
    let count: Decimal | undefined;
    try {
      count = new Money(s.count);
    } catch {
      count = undefined;
    }
    if (!count || !count.isFinite() || count.isNegative()) {
      violations.push({
        path: `successes.${i}.count`,
        message: `must be a number >= 0, got ${String(s.count)}`,
      });
    }
  });
  if (
    request.discountRate !== undefined &&
    !(Number.isFinite(request.discountRate) && request.discountRate > -1)
  ) {
    violations.push({
      path: 'discountRate',
      message: `must be a number > -1, got ${request.discountRate}`,
    });
  }
  for (const area of request.excludedAreas ?? []) {
    if (!(WELFARE_AREAS as readonly string[]).includes(area)) {
      violations.push({ path: 'excludedAreas', message: `unknown welfare area '${String(area)}'` });
    }
  }
  if (violations.length > 0) throw new InvalidInputError(violations);
  findSuccessMeasure(kb, request.measureId);
}

/**
 * Values successes of one SØM success measure: per calendar year, welfare area and public actor,
 * nominal (in `priceYear` prices) and discounted to `startYear`, with NPV totals.
 * Throws UnknownIdError for an unknown measure id, InvalidInputError for bad input.
 */
export function valueSuccesses(kb: KnowledgeBase, request: ValuationRequest): Valuation {
  validate(kb, request);
  const { targetGroup } = findSuccessMeasure(kb, request.measureId);
  const excludedAreas = [...new Set(request.excludedAreas ?? [])];
  const schedule =
    request.discountRate === undefined
      ? knowledgeDiscountSchedule(kb.parameters)
      : flatDiscountSchedule(request.discountRate);
  const profile = gainProfile(kb, request.measureId, {
    priceYear: request.priceYear,
    excludedAreas,
    years: request.horizonYears,
  });

  // Successes in the same year are added together; order by year for a stable result.
  const countByYear = new Map<number, Decimal>();
  for (const s of request.successes) {
    countByYear.set(s.year, (countByYear.get(s.year) ?? ZERO).plus(new Money(s.count)));
  }
  const successes = [...countByYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, count]) => ({ year, count }));

  const byArea = Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, { nominal: zeroAmounts(), npv: zeroAmounts() }]),
  ) as Record<WelfareArea, AreaValuation>;
  const nominal = zeroAmounts();
  const npv = zeroAmounts();
  const byYear: YearValuation[] = [];

  if (successes.length > 0) {
    const firstYear = successes[0].year + 1;
    const lastYear = successes[successes.length - 1].year + request.horizonYears;
    for (let year = firstYear; year <= lastYear; year++) {
      const factor = discountFactor(year - request.startYear, schedule);
      const yearValuation: YearValuation = {
        year,
        discountFactor: factor,
        nominal: zeroAmounts(),
        discounted: zeroAmounts(),
        byArea: Object.fromEntries(
          WELFARE_AREAS.map((area) => [
            area,
            { nominal: zeroAmounts(), discounted: zeroAmounts() },
          ]),
        ) as Record<WelfareArea, NominalAndDiscounted>,
      };
      for (const area of WELFARE_AREAS) {
        for (const actor of PUBLIC_ACTORS) {
          let exact = ZERO;
          for (const { year: successYear, count } of successes) {
            const offset = year - successYear;
            if (offset >= 1 && offset <= request.horizonYears) {
              exact = exact.plus(count.times(profile.offsets[offset - 1].byArea[area][actor]));
            }
          }
          const nominalCell = roundCell(exact);
          const discountedCell = roundCell(exact.times(factor));
          addInto(yearValuation.byArea[area].nominal, actor, nominalCell);
          addInto(yearValuation.byArea[area].discounted, actor, discountedCell);
          addInto(yearValuation.nominal, actor, nominalCell);
          addInto(yearValuation.discounted, actor, discountedCell);
          addInto(byArea[area].nominal, actor, nominalCell);
          addInto(byArea[area].npv, actor, discountedCell);
          addInto(nominal, actor, nominalCell);
          addInto(npv, actor, discountedCell);
        }
      }
      byYear.push(yearValuation);
    }
  }

  return {
    measureId: request.measureId,
    targetGroupId: targetGroup.id,
    successes,
    startYear: request.startYear,
    horizonYears: request.horizonYears,
    priceYear: request.priceYear,
    discountSchedule: schedule,
    excludedAreas,
    byYear,
    byArea,
    nominal,
    npv,
  };
}
