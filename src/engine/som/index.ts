/** The SØM valuation engine: pure functions over the knowledge base (see docs/knowledge-base.md). */
export * from './types';
export { taperedEffects, taperedEffectDecimals, SOM_TAPER_END_YEAR } from './taper';
export {
  effectsFromGroupRows,
  effectDecimalsFromGroupRows,
  MIN_SIGNIFICANT_ESTIMATES,
} from './group-rows';
export { gainProfile, consequenceEffects, type GainProfileOptions } from './gain-profile';
export { findSuccessMeasure, priceIndexOf, knowledgeDiscountSchedule } from './knowledge-lookup';
export {
  valueSuccesses,
  type ActorAmounts,
  type AreaValuation,
  type NominalAndDiscounted,
  type SuccessesInYear,
  type Valuation,
  type ValuationRequest,
  type YearValuation,
} from './valuation';
export {
  amountsToJson,
  valuationToJson,
  type AmountsJson,
  type ValuationJson,
} from './valuation-json';
