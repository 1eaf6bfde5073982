import Decimal from 'decimal.js';
import { InvalidInputError, UnknownIdError } from '../shared/errors';
import { Money } from '../shared/decimal';
import type { DiscountSchedule } from '../shared/discount';
import type { KnowledgeBase, KnowledgeParameters, SuccessMeasure, TargetGroup } from './types';

/** The success measure with this id and the target group it belongs to; UnknownIdError if none. */
export function findSuccessMeasure(
  kb: KnowledgeBase,
  measureId: string,
): { targetGroup: TargetGroup; measure: SuccessMeasure } {
  for (const targetGroup of kb.targetGroups) {
    const measure = targetGroup.successMeasures.find((m) => m.id === measureId);
    if (measure) return { targetGroup, measure };
  }
  throw new UnknownIdError('success measure', measureId);
}

/** The price index value of a year; InvalidInputError (at `path`) naming the years covered if absent. */
export function priceIndexOf(
  parameters: KnowledgeParameters,
  year: number,
  path = 'priceYear',
): Decimal {
  const entry = parameters.priceIndex.find((p) => p.year === year);
  if (!entry) {
    const years = parameters.priceIndex.map((p) => p.year);
    throw new InvalidInputError([
      {
        path,
        message: `no price index for ${year}; the knowledge base covers ${Math.min(...years)}–${Math.max(...years)}`,
      },
    ]);
  }
  return new Money(entry.index.value);
}

/** The knowledge base's discount schedule (Finansministeriet 2021) in the engine's form. */
export function knowledgeDiscountSchedule(parameters: KnowledgeParameters): DiscountSchedule {
  return parameters.discountRate.map((segment) => ({
    fromYear: segment.fromYear,
    toYear: segment.toYear,
    rate: segment.rate.value,
  }));
}
