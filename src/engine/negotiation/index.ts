/**
 * The negotiation engine: the zone of possible agreement between kommune, region, stat, investor
 * and provider for one lever (a bracketing search) or a map over two levers, with every candidate
 * judged by the same seeded Monte Carlo (common random numbers) or by the exact projection.
 */
export * from './types';
export { flattenConditions, checkConditions, MONEY_TOLERANCE } from './conditions';
export {
  applyLever,
  resolveLever,
  interventionCostTotal,
  snapToResolution,
  MONEY_RESOLUTION,
  RATE_RESOLUTION,
} from './levers';
export { metricsFromProjection } from './metrics';
export {
  deterministicEvaluator,
  monteCarloEvaluator,
  metricsFromSimulation,
  type ContractEvaluator,
} from './evaluators';
export {
  DEFAULT_GRID_POINTS,
  DEFAULT_RELATIVE_TOLERANCE,
  GOLDEN_SECTION_STEPS,
  gridValues,
  searchLever,
  shortfallScore,
  type SearchControl,
} from './search';
export {
  solveLever,
  mapLevers,
  DEFAULT_MAP_GRID_POINTS,
  type SolveProblem,
  type MapProblem,
} from './solve';
export {
  negotiate,
  negotiationOutcomeToJson,
  type Negotiation,
  type NegotiationOutcome,
} from './negotiate';
export {
  leverMapToJson,
  leverSolutionToJson,
  FRACTION_DECIMALS,
  type LeverMapJson,
  type LeverSolutionJson,
} from './solution-json';
