/**
 * The reinvestment fund engine: DSI's capital, invested in partnerships (one kommune each),
 * repaid by results and reinvested. Pure functions over plain data: an exact projection at
 * expected values, its stable JSON, and a Monte Carlo block task with its summaries.
 */
export * from './types';
export * from './defaults';
export { normalizeFund, expectedRepaymentSchedule } from './normalize';
export type { NormalizedFund, NormalizedProduct, NormalizedReserve } from './normalize';
export { nextProductIndex, reinvestmentStopped } from './pipeline';
export type { PublicGains, PublicGainsByArea } from './gains';
export { projectFund, projectNormalizedFund } from './projection';
export type { FundFlows, FundProjection, FundYear, PartnershipRecord } from './projection';
export { fundProjectionToJson, FUND_VALUE_BASIS } from './projection-json';
export type {
  FundFlowsJson,
  FundProjectionJson,
  FundYearJson,
  PublicGainsByAreaJson,
  PublicGainsJson,
} from './projection-json';
export { fundSimulationParams, simulationParamsOf } from './monte-carlo-params';
export type {
  FundSimulationParams,
  FundSimulationProductParams,
  FundSimulationReserve,
} from './monte-carlo-params';
export {
  FUND_TRIALS_TASK,
  FUND_YEARLY_COLUMNS,
  GAIN_COLUMNS,
  prepareFundBlock,
  simulateFundTrial,
} from './monte-carlo-block';
export type { FundYearlyColumn } from './monte-carlo-block';
export { simulateFundTrials, summarizeFundTrials } from './monte-carlo';
export type { ActorSummaries, FundSimulationOptions, FundSimulationResult } from './monte-carlo';
export { productBaselineFromContract, resolveFundScenario } from './scenario';
export type {
  FundScenario,
  FundScenarioInputs,
  FundScenarioProduct,
  ProductBaseline,
} from './scenario';
export { repaymentPerKroneFromProjection } from './repayment-profile';
