import { Command, Option } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONTRACTS_DIR } from '../../data/contracts';
import { displayPath, readJsonFile } from '../../data/json-file';
import { UnknownIdError } from '../../engine/shared/errors';
import type { PerTrialNeed, ReportLanguage, ReportSource } from '../../report';
import { REPORT_LANGUAGES } from '../../report/types';
import { ArgumentError } from '../errors';
import { knowledgeBase, loadContract } from '../load';
import { integerIn, workersOption } from '../options';
import { MAX_TRIALS } from './simulate';

/**
 * `dsi report <scenario.json | template-id | contract.json | result.json | run-id> --out FILE`:
 * the printable report (.html or .pdf), the Excel workbook (.xlsx) or the CSV tables (a
 * directory with --format csv) of a scenario run, a contract projection, a saved result JSON or
 * a run stored in the database.
 */

/** The report module loads echarts, exceljs and playwright (about 0.6 s): only when a report is made. */
const loadReport = () => import('../../report');

const OUTPUT_KINDS = ['html', 'pdf', 'xlsx', 'csv'] as const;
type OutputKind = (typeof OUTPUT_KINDS)[number];

interface ReportOptions {
  out: string;
  format?: OutputKind;
  lang: ReportLanguage;
  trials?: number;
  seed?: string;
  workers: number;
}

/** A stored run's id as the service makes them (randomUUID). */
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEMPLATE_ID = /^[\w-]+$/;

function outputKind(options: ReportOptions): OutputKind {
  if (options.format) return options.format;
  const extension = path.extname(options.out).toLowerCase().replace('.', '');
  if (extension === 'htm') return 'html';
  if ((OUTPUT_KINDS as readonly string[]).includes(extension) && extension !== 'csv') {
    return extension as OutputKind;
  }
  throw new ArgumentError(
    `--out '${options.out}': name a .html, .pdf or .xlsx file, or a directory with --format csv`,
  );
}

async function storedRunSource(
  id: string,
  workers: number,
  perTrial: PerTrialNeed,
): Promise<ReportSource> {
  // Loaded only here: the database and the environment's validators need reflect-metadata.
  await import('reflect-metadata');
  const [{ loadSettings }, { openDatabase }, { SimulationRunEntity }] = await Promise.all([
    import('../../config/environment'),
    import('../../database/standalone'),
    import('../../modules/simulations/simulation-run.entity'),
  ]);
  const dataSource = await openDatabase(loadSettings().databasePath);
  try {
    const run = await dataSource.getRepository(SimulationRunEntity).findOneBy({ id });
    if (!run) throw new UnknownIdError('simulation run', id);
    if (run.status !== 'done') {
      throw new ArgumentError(
        `simulation run '${id}' is ${run.status}; only a finished run has a report`,
      );
    }
    return await (
      await loadReport()
    ).reportSourceFromStoredRun(run, { knowledge: knowledgeBase(), workers, perTrial });
  } finally {
    await dataSource.destroy();
  }
}

/** What the argument names: a JSON file (scenario, contract or result), a template id or a run id. */
async function reportSource(
  target: string,
  options: ReportOptions,
  kind: OutputKind,
): Promise<ReportSource> {
  const kb = knowledgeBase();
  // Trials are listed only in a workbook and the CSV files; a printed fund report draws them.
  const perTrial: PerTrialNeed = kind === 'xlsx' || kind === 'csv' ? 'all' : 'fund';
  if (target.endsWith('.json') || target.includes('/') || target.includes(path.sep)) {
    const data = readJsonFile(target) as Record<string, unknown>;
    if (typeof data === 'object' && data !== null && 'intervention' in data) {
      return (await loadReport()).reportSourceFromContract(
        loadContract(target),
        displayPath(path.resolve(target)),
        kb,
      );
    }
    if (typeof data === 'object' && data !== null && 'meta' in data && 'expected' in data) {
      return (await loadReport()).reportSourceFromResult(data, {
        label: displayPath(target),
        knowledge: kb,
        workers: options.workers,
        perTrial,
      });
    }
    return (await loadReport()).reportSourceFromScenarioFile(
      target,
      { trials: options.trials, seed: options.seed, workers: options.workers, perTrial },
      kb,
    );
  }
  if (TEMPLATE_ID.test(target) && existsSync(path.join(DEFAULT_CONTRACTS_DIR, `${target}.json`))) {
    return (await loadReport()).reportSourceFromContract(
      loadContract(target),
      `contracts/${target}.json`,
      kb,
    );
  }
  if (RUN_ID.test(target)) return storedRunSource(target, options.workers, perTrial);
  throw new ArgumentError(
    `'${target}' is neither a JSON file, a contract template id (contracts/) nor a simulation run id`,
  );
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('printable report (HTML/PDF), Excel workbook or CSV tables of a run or a contract')
    .argument(
      '<target>',
      'a scenario file, a contract template id or file, a result JSON, or a stored run id',
    )
    .requiredOption(
      '--out <file>',
      'report.html, report.pdf, workbook.xlsx, or a directory for --format csv',
    )
    .addOption(
      new Option('--format <format>', 'output kind (default: from --out)').choices(OUTPUT_KINDS),
    )
    .addOption(new Option('--lang <lang>', 'language').choices(REPORT_LANGUAGES).default('da'))
    .option(
      '--trials <n>',
      'trials of a scenario run (default: the scenario’s)',
      integerIn(1, MAX_TRIALS),
    )
    .option('--seed <seed>', 'seed of a scenario run (default: the scenario’s)')
    .addOption(workersOption())
    .action(async (target: string, options: ReportOptions) => {
      const kind = outputKind(options);
      const source = await reportSource(target, options, kind);
      if (kind === 'csv') {
        const files = await (await loadReport()).writeCsvTables(source, options.out, options.lang);
        process.stderr.write(`wrote ${files.length} CSV files to ${options.out}\n`);
        return;
      }
      const bytes =
        kind === 'pdf'
          ? await (await loadReport()).reportPdf(source, options.lang)
          : kind === 'xlsx'
            ? await (await loadReport()).workbookBuffer(source, options.lang)
            : (await loadReport()).reportHtml(source, options.lang);
      writeFileSync(options.out, bytes);
      process.stderr.write(`wrote ${options.out}\n`);
    });
}
