import Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money, ZERO } from '../shared/decimal';
import { InvalidInputError } from '../shared/errors';
import { effectDecimalsFromGroupRows } from './group-rows';
import { findSuccessMeasure, priceIndexOf } from './knowledge-lookup';
import { taperedEffectDecimals } from './taper';
import type { Consequence, GainProfile, KnowledgeBase } from './types';

export interface GainProfileOptions {
  /** Prices are moved to this year with the knowledge base's price index. */
  priceYear: number;
  /** Welfare areas left out (their gains are 0), e.g. ['education_employment']. */
  excludedAreas?: readonly WelfareArea[];
  /** Number of years after the success year to compute (offsets 1..years). */
  years: number;
}

/** The effects per year after success of one consequence, before the taper. */
export function consequenceEffects(consequence: Consequence): Decimal[] {
  if (consequence.effects) return consequence.effects.map((effect) => new Money(effect.value));
  if (consequence.groupRows) return effectDecimalsFromGroupRows(consequence.groupRows);
  return [];
}

function zeroByActor(): Record<PublicActor, Decimal> {
  return { kommune: ZERO, region: ZERO, stat: ZERO };
}

/**
 * What one success of `measureId` is worth to each public actor and welfare area in each year
 * t = 1..years after the success year, in `priceYear` prices. For every consequence:
 *   gain(t, actor) = −(effect(t) × price(actor) × index[priceYear] / index[item.priceYear])
 * where effect(t) is the given (or group-row) effect, tapered to 0 in the knowledge base's
 * taperEndYear. Positive = the actor saves or earns. Values are exact, not rounded: callers round
 * where they book money. Throws UnknownIdError for an unknown measure.
 */
export function gainProfile(
  kb: KnowledgeBase,
  measureId: string,
  options: GainProfileOptions,
): GainProfile {
  const { priceYear, years } = options;
  if (!Number.isInteger(years) || years < 0) {
    throw new InvalidInputError([
      { path: 'years', message: `must be a whole number >= 0, got ${years}` },
    ]);
  }
  const { targetGroup, measure } = findSuccessMeasure(kb, measureId);
  const targetIndex = priceIndexOf(kb.parameters, priceYear);
  const excluded = new Set(options.excludedAreas ?? []);
  const taperEndYear = kb.parameters.taperEndYear.value;

  const offsets = Array.from({ length: years }, () => ({
    byActor: zeroByActor(),
    byArea: Object.fromEntries(WELFARE_AREAS.map((area) => [area, zeroByActor()])) as Record<
      WelfareArea,
      Record<PublicActor, Decimal>
    >,
  }));

  for (const consequence of measure.consequences) {
    const item = targetGroup.items.find((i) => i.id === consequence.item);
    if (!item) {
      throw new RangeError(
        `success measure '${measureId}' uses item '${consequence.item}' that target group '${targetGroup.id}' lacks`,
      );
    }
    if (excluded.has(item.area)) continue;
    const priceFactor = targetIndex.div(
      priceIndexOf(kb.parameters, item.priceYear, `items.${item.id}.priceYear`),
    );
    const prices = PUBLIC_ACTORS.map((actor) =>
      new Money(item.prices[actor].value).times(priceFactor),
    );
    const effects = taperedEffectDecimals(consequenceEffects(consequence), taperEndYear);
    const lastYear = Math.min(years, effects.length);
    for (let t = 1; t <= lastYear; t++) {
      const offset = offsets[t - 1];
      PUBLIC_ACTORS.forEach((actor, a) => {
        // ZERO.minus keeps a zero gain positive (decimal.js would otherwise carry a signed −0).
        const gain = ZERO.minus(effects[t - 1].times(prices[a]));
        offset.byArea[item.area][actor] = offset.byArea[item.area][actor].plus(gain);
        offset.byActor[actor] = offset.byActor[actor].plus(gain);
      });
    }
  }
  return { measureId, priceYear, years, offsets };
}
