import { Injectable } from '@nestjs/common';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { readJsonFile } from '../../data/json-file';
import { DEFAULT_SCENARIOS_DIR, resolveScenario } from '../../data/scenarios';
import { InvalidInputError, UnknownIdError } from '../../engine/shared/errors';
import { ContractsService } from '../contracts/contracts.service';
import { KnowledgeService } from '../knowledge/knowledge.service';
import type { CreateSimulationDto } from './dto/create-simulation.dto';
import type { ResolvedScenario } from './scenario-executor';

/**
 * Jobs run their trials in worker threads by default (both cores), so the request thread stays
 * free to answer progress polls and cancellations; results do not depend on it.
 */
export const DEFAULT_JOB_WORKERS = Math.min(2, availableParallelism());

/** Turns a POST /simulations body into a checked, runnable scenario (errors are 400/404 at once). */
@Injectable()
export class ScenarioRequests {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly contracts: ContractsService,
  ) {}

  listFiles() {
    return readdirSync(DEFAULT_SCENARIOS_DIR)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => {
        const data = readJsonFile(path.join(DEFAULT_SCENARIOS_DIR, name)) as {
          name?: string;
          fund?: unknown;
        };
        return {
          id: name.replace(/\.json$/, ''),
          name: data.name ?? name,
          kind: data.fund === undefined ? 'contract' : 'fund',
        };
      });
  }

  async resolve(request: CreateSimulationDto): Promise<ResolvedScenario> {
    const given = [request.scenario, request.scenarioFile, request.contractId].filter(
      (v) => v !== undefined,
    );
    if (given.length !== 1) {
      throw new InvalidInputError([
        { path: 'scenario', message: 'give exactly one of scenario, scenarioFile or contractId' },
      ]);
    }
    const [data, label] = await this.scenarioData(request);
    const resolved = resolveScenario(data, label, this.knowledge.kb);
    const seed = String(request.seed ?? resolved.settings.seed);
    const trials = request.trials ?? resolved.settings.trials;
    return {
      kind: resolved.kind,
      inputs: { scenario: data, scenarioFile: label, trials, seed },
      seed,
      trials,
      workers: request.workers ?? DEFAULT_JOB_WORKERS,
      runnable:
        resolved.kind === 'fund'
          ? { kind: 'fund', fund: resolved.fund }
          : { kind: 'contract', input: resolved.input },
    };
  }

  private async scenarioData(request: CreateSimulationDto): Promise<[unknown, string]> {
    if (request.scenario !== undefined) return [request.scenario, 'scenario'];
    if (request.scenarioFile !== undefined) {
      const file = path.join(DEFAULT_SCENARIOS_DIR, `${request.scenarioFile}.json`);
      if (!existsSync(file)) throw new UnknownIdError('scenario file', request.scenarioFile);
      return [readJsonFile(file), `simulations/${request.scenarioFile}.json`];
    }
    const stored = await this.contracts.get(request.contractId as string, request.revision);
    const scenario: Record<string, unknown> = {
      name: `${stored.name} (revision ${stored.revision})`,
      contract: stored.contract,
    };
    if (request.uncertainty !== undefined) scenario.uncertainty = request.uncertainty;
    if (request.investorTargetReturn !== undefined) {
      scenario.investorTargetReturn = request.investorTargetReturn;
    }
    return [scenario, 'contract'];
  }
}
