import { Injectable } from '@nestjs/common';
import { listContractTemplates, loadContractTemplate } from '../../data/contracts';
import {
  deterministicEvaluator,
  leverMapToJson,
  leverSolutionToJson,
  mapLevers,
  monteCarloEvaluator,
  solveLever,
  type AgreementConditions,
  type ContractEvaluator,
} from '../../engine/negotiation';
import { InvalidInputError } from '../../engine/shared/errors';
import { ScenarioRequests } from '../simulations/scenario-requests';
import { DEFAULT_SOLVE_TRIALS, type SolveRequestDto } from './dto/solve-request.dto';
import { toSolveResponse } from './negotiations.mapper';

/**
 * The negotiating table: resolves the contract scenario as `POST /simulations` does, then runs
 * the agreement solver with one seed for every candidate (common random numbers).
 */
@Injectable()
export class NegotiationsService {
  constructor(private readonly requests: ScenarioRequests) {}

  /** Every template with its full document, for the web page's editor. */
  templates() {
    return listContractTemplates().map(({ id, name, description }) => ({
      id,
      name,
      description,
      contract: loadContractTemplate(id),
    }));
  }

  async solve(request: SolveRequestDto, signal?: AbortSignal) {
    const started = performance.now();
    const resolved = await this.requests.resolve({
      scenario: request.scenario,
      scenarioFile: request.scenarioFile,
      contractId: request.contractId,
      revision: request.revision,
      uncertainty: request.uncertainty,
      trials: request.trials ?? DEFAULT_SOLVE_TRIALS,
      seed: request.seed,
      workers: request.workers,
    });
    if (resolved.runnable.kind !== 'contract') {
      throw new InvalidInputError([
        { path: 'scenario', message: 'the solver needs a contract scenario, not a fund' },
      ]);
    }
    const { contract, gains, uncertainty } = resolved.runnable.input;
    const deterministic = request.method === 'deterministic';
    const evaluator: ContractEvaluator = deterministic
      ? deterministicEvaluator(gains)
      : monteCarloEvaluator(
          { gains, uncertainty },
          { trials: resolved.trials, seed: resolved.seed, workers: resolved.workers },
        );
    // The DTO checked the shape; the engine checks the conditions against this contract.
    const conditions = request.conditions as AgreementConditions;
    const result = request.lever2
      ? leverMapToJson(
          await mapLevers(
            { contract, levers: [request.lever, request.lever2], conditions },
            evaluator,
            {
              gridPoints: request.gridPoints ? [request.gridPoints, request.gridPoints] : undefined,
              signal,
            },
          ),
        )
      : leverSolutionToJson(
          await solveLever({ contract, lever: request.lever, conditions }, evaluator, {
            gridPoints: request.gridPoints,
            tolerance: request.tolerance,
            signal,
          }),
        );
    return toSolveResponse(request, resolved, result, {
      deterministic,
      elapsedMs: performance.now() - started,
    });
  }
}
