import type Decimal from 'decimal.js';
import { roundPartsToTotal } from '../contract/rounding';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money, ZERO, toOre } from '../shared/decimal';
import { discountFactor, type DiscountSchedule } from '../shared/discount';
import type { ActorAmounts } from '../som';
import type { GainProfile } from '../som/types';
import type { Violations } from './normalize-checks';

/** SØM gains by actor, nominal and discounted to the fund's start year. */
export interface PublicGains {
  nominal: ActorAmounts;
  npv: ActorAmounts;
}

export function zeroActorAmounts(): ActorAmounts {
  return { kommune: ZERO, region: ZERO, stat: ZERO, total: ZERO };
}

export function zeroPublicGains(): PublicGains {
  return { nominal: zeroActorAmounts(), npv: zeroActorAmounts() };
}

export function addActorAmounts(a: ActorAmounts, b: ActorAmounts): ActorAmounts {
  return {
    kommune: a.kommune.plus(b.kommune),
    region: a.region.plus(b.region),
    stat: a.stat.plus(b.stat),
    total: a.total.plus(b.total),
  };
}

export function addPublicGains(a: PublicGains, b: PublicGains): PublicGains {
  return { nominal: addActorAmounts(a.nominal, b.nominal), npv: addActorAmounts(a.npv, b.npv) };
}

/**
 * Exact (unrounded) gains of one calendar year, booked to øre: each actor's cell is rounded
 * half-even (toOre), nominal and discounted separately from the exact amount, and each total is
 * the sum of the rounded cells, so kommune + region + stat = total to the øre.
 */
export function bookGains(
  exact: Record<PublicActor, Decimal>,
  yearsFromStart: number,
  schedule: DiscountSchedule,
): PublicGains {
  const factor = discountFactor(yearsFromStart, schedule);
  const nominal = zeroActorAmounts();
  const npv = zeroActorAmounts();
  for (const actor of PUBLIC_ACTORS) {
    nominal[actor] = toOre(exact[actor]);
    npv[actor] = toOre(exact[actor].times(factor));
    nominal.total = nominal.total.plus(nominal[actor]);
    npv.total = npv.total.plus(npv[actor]);
  }
  return { nominal, npv };
}

/** Exact gains by welfare area and actor (kroner, unrounded). */
export type ExactGainsByArea = Record<WelfareArea, Record<PublicActor, Decimal>>;

/** SØM gains by welfare area; each area has the shape of `PublicGains`. */
export type PublicGainsByArea = Record<WelfareArea, PublicGains>;

export function zeroExactGainsByArea(): ExactGainsByArea {
  return Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, { kommune: ZERO, region: ZERO, stat: ZERO }]),
  ) as ExactGainsByArea;
}

export function zeroPublicGainsByArea(): PublicGainsByArea {
  return Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, zeroPublicGains()]),
  ) as PublicGainsByArea;
}

export function addPublicGainsByArea(
  a: PublicGainsByArea,
  b: PublicGainsByArea,
): PublicGainsByArea {
  return Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, addPublicGains(a[area], b[area])]),
  ) as PublicGainsByArea;
}

/**
 * One calendar year's gains by welfare area, booked to øre so that they add up to `booked`, the
 * same year's gains by actor from `bookGains`: for each actor and basis (nominal, discounted), the
 * exact area amounts are rounded by largest remainder (roundPartsToTotal) to the actor's booked
 * cell, and each area's total is the sum of its rounded actor cells. `exact` must sum over the
 * areas to the exact amounts `booked` was rounded from (normalizeFund checks the gain profiles).
 */
export function bookGainsByArea(
  exact: ExactGainsByArea,
  booked: PublicGains,
  yearsFromStart: number,
  schedule: DiscountSchedule,
): PublicGainsByArea {
  const factor = discountFactor(yearsFromStart, schedule);
  const byArea = zeroPublicGainsByArea();
  for (const actor of PUBLIC_ACTORS) {
    const nominal = roundPartsToTotal(
      WELFARE_AREAS.map((area) => exact[area][actor]),
      booked.nominal[actor],
    );
    const npv = roundPartsToTotal(
      WELFARE_AREAS.map((area) => exact[area][actor].times(factor)),
      booked.npv[actor],
    );
    WELFARE_AREAS.forEach((area, a) => {
      const gains = byArea[area];
      gains.nominal[actor] = nominal[a];
      gains.npv[actor] = npv[a];
      gains.nominal.total = gains.nominal.total.plus(nominal[a]);
      gains.npv.total = gains.npv.total.plus(npv[a]);
    });
  }
  return byArea;
}

/**
 * How far (kroner per success) a gain profile's areas may sum from its actor totals. The SØM
 * engine adds the same exact amounts both ways, so only digits far beyond the 40th can differ;
 * even times millions of successes this stays far below the half øre the booking can absorb.
 */
const AREA_SUM_TOLERANCE = new Money('1e-12');

/**
 * A product's SØM gain per success by welfare area for each offset after the success year, as
 * Decimal, checked to sum over the areas to `byActor` (the same offsets by actor), so the area
 * split of every booked gain is exact. Records a violation per offset that does not.
 */
export function areaGainsPerSuccess(
  offsets: GainProfile['offsets'],
  byActor: readonly Record<PublicActor, Decimal>[],
  path: string,
  violations: Violations,
): ExactGainsByArea[] {
  return offsets.map((offset, t) => {
    const byArea = zeroExactGainsByArea();
    let complete = true;
    for (const area of WELFARE_AREAS) {
      for (const actor of PUBLIC_ACTORS) {
        const value = offset.byArea?.[area]?.[actor];
        if (value === undefined || value === null) complete = false;
        else byArea[area][actor] = new Money(value);
      }
    }
    const mismatched = PUBLIC_ACTORS.filter((actor) =>
      Money.sum(ZERO, ...WELFARE_AREAS.map((area) => byArea[area][actor]))
        .minus(byActor[t][actor])
        .abs()
        .gt(AREA_SUM_TOLERANCE),
    );
    if (!complete || mismatched.length > 0) {
      violations.push({
        path: `${path}/offsets/${t}/byArea`,
        message: `must give kommune, region and stat for every welfare area (${WELFARE_AREAS.join(', ')}), summing to byActor${mismatched.length > 0 ? `; the areas differ from byActor for ${mismatched.join(', ')}` : ''}`,
      });
    }
    return byArea;
  });
}
