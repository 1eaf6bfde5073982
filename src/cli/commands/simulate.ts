import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { readScenarioFile, type ResolvedScenarioInput } from '../../data/scenarios';
import { runScenario, type ScenarioResultJson } from '../../engine/scenario';
import { SOFTWARE_VERSION } from '../../version';
import { knowledgeBase } from '../load';
import { formatOption, integerIn, OUTPUT_FORMATS, workersOption } from '../options';
import { ArgumentError } from '../errors';
import { progressBar } from '../progress';
import { contractResultCsv, contractResultTable } from './simulate-contract-output';
import { fundResultCsv, fundResultTable } from './simulate-fund-output';

export const MAX_TRIALS = 10_000_000;

type SimulateFormat = (typeof OUTPUT_FORMATS)[number] | 'xlsx';

interface SimulateOptions {
  trials?: number;
  seed?: string;
  workers: number;
  format: SimulateFormat;
  out?: string;
  save?: boolean;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('Monte Carlo of a contract or fund scenario, beside its deterministic projection')
    .argument('<scenario>', 'a scenario file, e.g. simulations/ips-holbaek.json')
    .option(
      '--trials <n>',
      'number of trials (default: the scenario’s, else 10.000)',
      integerIn(1, MAX_TRIALS),
    )
    .option('--seed <seed>', 'seed of the random streams (default: the scenario’s)')
    .addOption(workersOption())
    .addOption(formatOption([...OUTPUT_FORMATS, 'xlsx']))
    .option('--out <file>', 'write the output to a file instead of stdout (required for xlsx)')
    .option('--save', 'store the run in the database (DSI_DATABASE) so the API lists it')
    .action(async (file: string, options: SimulateOptions) => {
      if (options.format === 'xlsx' && !options.out) {
        throw new ArgumentError('--format xlsx needs --out FILE.xlsx');
      }
      const { document: written, resolved } = readScenarioFile(file, knowledgeBase());
      const trials = options.trials ?? resolved.settings.trials;
      const seed = options.seed ?? resolved.settings.seed;
      const bar = progressBar('simulating');
      const result = await runScenario(runnable(resolved), {
        trials,
        seed,
        workers: options.workers,
        version: SOFTWARE_VERSION,
        onProgress: bar.update,
      });
      bar.finish();
      // The scenario as written (the schema checked it is an object), for the workbook and the stored run.
      const document = written as Record<string, unknown>;
      if (options.format === 'xlsx') {
        const { writeWorkbook } = await import('../../report');
        await writeWorkbook(result, options.out as string, 'da', {
          name: resolved.name,
          label: file,
          scenario: { file, document },
        });
      } else {
        const text = render(resolved, result, options.format);
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
      }
      if (options.save) {
        const inputs = { scenario: document, scenarioFile: file, trials, seed };
        const id = await saveRun(resolved, result, inputs);
        process.stderr.write(`saved as simulation run ${id}\n`);
      }
    });
}

export function runnable(resolved: ResolvedScenarioInput) {
  return resolved.kind === 'fund'
    ? { kind: 'fund' as const, fund: resolved.fund }
    : { kind: 'contract' as const, input: resolved.input };
}

function render(
  resolved: ResolvedScenarioInput,
  result: ScenarioResultJson,
  format: Exclude<SimulateFormat, 'xlsx'>,
) {
  if (format === 'json') return JSON.stringify(result, null, 2) + '\n';
  if (resolved.kind === 'fund') {
    return format === 'csv' ? fundResultCsv(result) : fundResultTable(resolved.name, result) + '\n';
  }
  return format === 'csv'
    ? contractResultCsv(result)
    : contractResultTable(resolved.name, result) + '\n';
}

/** Stores a finished run like the service does; the database is opened only here. */
async function saveRun(
  resolved: ResolvedScenarioInput,
  result: ScenarioResultJson,
  inputs: { scenario: unknown; scenarioFile: string; trials: number; seed: string | number },
): Promise<string> {
  // Decorators of the entities and the environment check need reflect-metadata loaded first.
  await import('reflect-metadata');
  const [{ loadSettings }, { openDatabase }, { SimulationRunEntity }] = await Promise.all([
    import('../../config/environment'),
    import('../../database/standalone'),
    import('../../modules/simulations/simulation-run.entity'),
  ]);
  const dataSource = await openDatabase(loadSettings().databasePath);
  try {
    const id = randomUUID();
    const now = new Date().toISOString();
    await dataSource.getRepository(SimulationRunEntity).insert({
      id,
      kind: resolved.kind,
      status: 'done',
      progress: 1,
      inputs: JSON.stringify(inputs),
      seed: String(inputs.seed),
      trials: inputs.trials,
      softwareVersion: SOFTWARE_VERSION,
      result: JSON.stringify(result),
      error: null,
      timings: JSON.stringify(result.meta.timings),
      createdAt: now,
      startedAt: now,
      finishedAt: now,
    });
    return id;
  } finally {
    await dataSource.destroy();
  }
}
