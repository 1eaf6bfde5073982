import { Command, InvalidArgumentError, Option } from 'commander';
import { violationPathToPointer } from '../../data/contracts';
import { DataFileError, readJsonFile, readJsonText } from '../../data/json-file';
import { contractGains, DEFAULT_SEED, resolveScenarioText } from '../../data/scenarios';
import type { Contract } from '../../engine/contract';
import {
  LEVER_NAMES,
  negotiate,
  negotiationOutcomeToJson,
  type AgreementConditions,
  type LeverName,
  type NegotiationOutcome,
} from '../../engine/negotiation';
import { InvalidInputError } from '../../engine/shared/errors';
import type { ContractUncertainty } from '../../engine/simulation';
import { ArgumentError } from '../errors';
import { knowledgeBase, loadContract } from '../load';
import { integerIn, workersOption } from '../options';
import { progressBar } from '../progress';
import { leverMapTable, leverSolutionTable } from './solve-output';

/**
 * Trials per candidate by default: every candidate is a full Monte Carlo, and 2.000 trials put
 * the standard error of a probability near 20% below 1 percentage point (√(0,2·0,8/2.000) ≈ 0,9).
 */
export const DEFAULT_SOLVE_TRIALS = 2000;
export const MAX_SOLVE_TRIALS = 1_000_000;
export const MAX_GRID_POINTS = 201;

interface SolveOptions {
  lever: LeverName;
  conditions: string;
  min?: number;
  max?: number;
  component?: string;
  lever2?: LeverName;
  min2?: number;
  max2?: number;
  grid?: number;
  tolerance?: number;
  trials?: number;
  seed?: string;
  workers: number;
  deterministic?: boolean;
  format: 'table' | 'json';
}

function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new InvalidArgumentError(`must be a number, got '${value}'`);
  }
  return n;
}

function leverOption(flag: string, description: string): Option {
  return new Option(flag, description).choices(LEVER_NAMES);
}

interface SolveInput {
  contract: Contract;
  uncertainty?: ContractUncertainty;
  seed?: string | number;
}

/** A template id or contract file, or a contract scenario file (which brings its uncertainty). */
function loadSolveInput(idOrPath: string): SolveInput {
  if (idOrPath.endsWith('.json')) {
    let read: { text: string; data: unknown } | undefined;
    try {
      read = readJsonText(idOrPath);
    } catch {
      read = undefined; // loadContract reports the file problem with its path
    }
    const data = read?.data;
    const isScenario =
      typeof data === 'object' && data !== null && ('contract' in data || 'fund' in data);
    if (read && isScenario) {
      const scenario = resolveScenarioText(idOrPath, read, knowledgeBase());
      if (scenario.kind !== 'contract') {
        throw new ArgumentError(`${idOrPath} is a fund scenario; solve needs a contract`);
      }
      const { contract, uncertainty } = scenario.input;
      return { contract, uncertainty, seed: scenario.settings.seed };
    }
  }
  return { contract: loadContract(idOrPath) };
}

/** Condition errors name the conditions file and the JSON pointer inside it. */
function asConditionsFileError(file: string, error: unknown): never {
  if (
    error instanceof InvalidInputError &&
    error.violations.every((v) => v.path.startsWith('conditions'))
  ) {
    const pointer = (path: string) =>
      violationPathToPointer(path.replace(/^conditions\.?/, '')).replace(/\/$/, '');
    throw DataFileError.of(
      file,
      error.violations.map((v) => ({ path: pointer(v.path), message: v.message })),
    );
  }
  throw error;
}

export function registerSolveCommand(program: Command): void {
  program
    .command('solve')
    .description('the zone of possible agreement: lever values where every party’s conditions hold')
    .argument(
      '<contract>',
      'a template id, a contract JSON file, or a contract scenario file (with uncertainty)',
    )
    .addOption(leverOption('--lever <name>', 'the term to move').makeOptionMandatory())
    .requiredOption(
      '--conditions <file>',
      'JSON: { "investor": { "minExpectedIrr": 0.04 }, "kommune": { … } }',
    )
    .option('--min <n>', 'lower end of the range searched (default per lever)', finiteNumber)
    .option('--max <n>', 'upper end of the range searched (default per lever)', finiteNumber)
    .option('--component <id>', 'pricePerOutcome: price this component only')
    .addOption(leverOption('--lever2 <name>', 'a second lever: map both on a grid'))
    .option('--min2 <n>', 'lower end for --lever2', finiteNumber)
    .option('--max2 <n>', 'upper end for --lever2', finiteNumber)
    .option(
      '--grid <n>',
      'grid values per lever (default 21; 11 for a map)',
      integerIn(2, MAX_GRID_POINTS),
    )
    .option(
      '--tolerance <x>',
      'width within which each zone end is found, in lever units',
      finiteNumber,
    )
    .option(
      '--trials <n>',
      `trials per candidate (default ${DEFAULT_SOLVE_TRIALS})`,
      integerIn(1, MAX_SOLVE_TRIALS),
    )
    .option('--seed <seed>', 'seed shared by every candidate (default: the scenario’s, else dsi)')
    .addOption(workersOption())
    .option(
      '--deterministic',
      'judge candidates by the exact projection instead of the Monte Carlo',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action(async (idOrPath: string, options: SolveOptions) => {
      const input = loadSolveInput(idOrPath);
      const conditions = readJsonFile(options.conditions) as AgreementConditions;
      const gains = contractGains(knowledgeBase(), input.contract);
      const bar = progressBar('solving');
      let outcome: NegotiationOutcome;
      try {
        outcome = await negotiate(
          {
            contract: input.contract,
            gains,
            uncertainty: input.uncertainty,
            conditions,
            lever: {
              name: options.lever,
              min: options.min,
              max: options.max,
              component: options.component,
            },
            lever2: options.lever2
              ? { name: options.lever2, min: options.min2, max: options.max2 }
              : undefined,
            deterministic: options.deterministic,
            monteCarlo: {
              trials: options.trials ?? DEFAULT_SOLVE_TRIALS,
              seed: options.seed ?? input.seed ?? DEFAULT_SEED,
              workers: options.workers,
            },
            gridPoints: options.grid,
            tolerance: options.tolerance,
          },
          { onProgress: (done, expected) => bar.update(done, expected) },
        );
      } catch (error) {
        asConditionsFileError(options.conditions, error);
      } finally {
        bar.finish();
      }
      const text =
        options.format === 'json'
          ? JSON.stringify(negotiationOutcomeToJson(outcome), null, 2)
          : outcome.kind === 'map'
            ? leverMapTable(outcome.map)
            : leverSolutionTable(outcome.solution);
      process.stdout.write(text + '\n');
    });
}
