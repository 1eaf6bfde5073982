/**
 * The contract engine: the contract as plain data, its validation, the expected outcomes, the
 * payment model / capital stack / gain sharing as one generic cash-flow formula (Decimal for the
 * projection, floats for the Monte Carlo), the exact projection, its JSON and the comparison of
 * payment models.
 */
export * from './types';
export { validateContract, type ContractViolation } from './validate';
export {
  convolve,
  customMetricUnits,
  expectedOutcomes,
  mapOutcomes,
  metricSeries,
  outcomeLagShares,
  type OutcomesByYear,
} from './outcomes';
export * from './compiled';
export { compileContract, compileContractDecimal, scheduledRemainingShare } from './compile';
export {
  contractCashflows,
  createCashflowWorkspace,
  somGainsByYear,
  type CashflowsByYear,
  type CashflowWorkspace,
} from './cashflows';
export { cohortImprovement, thresholdPayment, interventionCostByYear } from './payments';
export {
  projectContract,
  breakEvenYear,
  REPORTED_ACTORS,
  type ByLevel,
  type ContractProjection,
  type InvestorSummary,
  type PartyLedger,
  type ProjectionOptions,
  type ProjectionYear,
  type ReportedActor,
} from './projection';
export { projectionToJson } from './projection-json';
export {
  compareProjections,
  comparisonToText,
  type ComparedModel,
  type ComparisonRow,
  type ComparisonValue,
  type ProjectionComparison,
} from './compare';
export { roundPartsToTotal } from './rounding';
export * from './defaults';
export { mergeOverrides } from './overrides';
export { contractViolations, knowledgeBaseViolations } from './knowledge-checks';
