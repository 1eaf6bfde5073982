import type Decimal from 'decimal.js';
import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import { ZERO, toOre } from '../shared/decimal';
import { discountFactor, type DiscountSchedule } from '../shared/discount';
import type { ActorAmounts } from '../som';

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
