import type { Contract } from '../contract';
import type { ContractUncertainty, SimulationSeed } from '../simulation';
import type { GainProfile } from '../som/types';
import { deterministicEvaluator, monteCarloEvaluator, type ContractEvaluator } from './evaluators';
import type { SearchControl } from './search';
import {
  leverMapToJson,
  leverSolutionToJson,
  type LeverMapJson,
  type LeverSolutionJson,
} from './solution-json';
import { mapLevers, solveLever } from './solve';
import type { AgreementConditions, LeverMap, LeverRequest, LeverSolution } from './types';

/**
 * One negotiation as the CLI (`dsi solve`) and the service (`POST /negotiations/solve`) run it:
 * the evaluator the method names, then the zone of agreement for one lever or, with a second
 * lever, the map over both.
 */
export interface Negotiation {
  contract: Contract;
  gains: GainProfile;
  uncertainty?: ContractUncertainty;
  conditions: AgreementConditions;
  lever: LeverRequest;
  /** A second lever: a map over both instead of a zone. */
  lever2?: LeverRequest;
  /** Judge candidates by the exact projection instead of the Monte Carlo. */
  deterministic?: boolean;
  /** The Monte Carlo of every candidate: one seed for all (common random numbers). */
  monteCarlo: { trials: number; seed: SimulationSeed; workers?: number };
  /** Grid values per lever (for a map, on each axis). */
  gridPoints?: number;
  /** Width within which each zone end is found (one lever only). */
  tolerance?: number;
}

export type NegotiationOutcome =
  | { kind: 'zone'; solution: LeverSolution }
  | { kind: 'map'; map: LeverMap };

export async function negotiate(
  negotiation: Negotiation,
  control: Pick<SearchControl, 'signal' | 'onProgress'> = {},
): Promise<NegotiationOutcome> {
  const { contract, conditions, gains, lever, lever2, gridPoints } = negotiation;
  const evaluator: ContractEvaluator = negotiation.deterministic
    ? deterministicEvaluator(gains)
    : monteCarloEvaluator({ gains, uncertainty: negotiation.uncertainty }, negotiation.monteCarlo);
  if (lever2 !== undefined) {
    const map = await mapLevers({ contract, levers: [lever, lever2], conditions }, evaluator, {
      ...control,
      gridPoints: gridPoints === undefined ? undefined : [gridPoints, gridPoints],
    });
    return { kind: 'map', map };
  }
  const solution = await solveLever({ contract, lever, conditions }, evaluator, {
    ...control,
    gridPoints,
    tolerance: negotiation.tolerance,
  });
  return { kind: 'zone', solution };
}

/** The outcome's JSON: `leverSolutionToJson` for a zone, `leverMapToJson` for a map. */
export function negotiationOutcomeToJson(
  outcome: NegotiationOutcome,
): LeverSolutionJson | LeverMapJson {
  return outcome.kind === 'map'
    ? leverMapToJson(outcome.map)
    : leverSolutionToJson(outcome.solution);
}
