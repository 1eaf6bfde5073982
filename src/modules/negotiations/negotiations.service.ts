import { Injectable } from '@nestjs/common';
import { listContractTemplates, loadContractTemplate } from '../../data/contracts';
import {
  negotiate,
  negotiationOutcomeToJson,
  type AgreementConditions,
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
    const outcome = await negotiate(
      {
        contract,
        gains,
        uncertainty,
        // The DTO checked the shape; the engine checks the conditions against this contract.
        conditions: request.conditions as AgreementConditions,
        lever: request.lever,
        // Optional fields may arrive as null (the DTO lets null through as "not given").
        lever2: request.lever2 ?? undefined,
        deterministic,
        monteCarlo: { trials: resolved.trials, seed: resolved.seed, workers: resolved.workers },
        gridPoints: request.gridPoints ?? undefined,
        tolerance: request.tolerance ?? undefined,
      },
      { signal },
    );
    return toSolveResponse(request, resolved, negotiationOutcomeToJson(outcome), {
      deterministic,
      elapsedMs: performance.now() - started,
    });
  }
}
