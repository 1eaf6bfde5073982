import type { LeverMapJson, LeverSolutionJson } from '../../engine/negotiation';
import { SOFTWARE_VERSION } from '../../version';
import type { ResolvedScenario } from '../simulations/scenario-executor';
import type { SolveRequestDto } from './dto/solve-request.dto';

/**
 * The response of `POST /negotiations/solve`: what was asked (enough to ask again and get the
 * same answer), the solver's JSON (docs/result-schema.md, "Agreement solver") and how long it took.
 */
export function toSolveResponse(
  request: SolveRequestDto,
  resolved: ResolvedScenario,
  result: LeverSolutionJson | LeverMapJson,
  run: { deterministic: boolean; elapsedMs: number },
) {
  return {
    inputs: {
      scenario: (resolved.inputs as { scenario: unknown }).scenario,
      lever: request.lever,
      lever2: request.lever2 ?? null,
      conditions: request.conditions,
      method: run.deterministic ? 'deterministic' : 'monteCarlo',
      trials: run.deterministic ? null : resolved.trials,
      seed: run.deterministic ? null : resolved.seed,
      gridPoints: request.gridPoints ?? null,
      tolerance: request.tolerance ?? null,
    },
    result,
    meta: { softwareVersion: SOFTWARE_VERSION, elapsedMs: Math.round(run.elapsedMs) },
  };
}
