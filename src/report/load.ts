import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONTRACTS_DIR, loadContractTemplate } from '../data/contracts';
import { displayPath } from '../data/json-file';
import { loadKnowledgeBase } from '../data/knowledge';
import { contractGains, readScenarioFile } from '../data/scenarios';
import { projectContract, projectionToJson, type Contract } from '../engine/contract';
import type { FundInput } from '../engine/fund';
import { runScenario, type RunnableScenario } from '../engine/scenario';
import { InvalidInputError } from '../engine/shared/errors';
import type { ContractUncertainty } from '../engine/simulation/contract-simulation';
import type { KnowledgeBase } from '../engine/som';
import { SOFTWARE_VERSION } from '../version';
import { contractPerTrial, fundPerTrial, type PerTrialTable } from './per-trial';
import type { RunProvenance, ScenarioDocument } from './provenance';
import {
  resultKind,
  type ProjectionReportSource,
  type ReportSource,
  type RunInfo,
  type SimulationReportSource,
} from './source';

/**
 * The edge of the report package: reads the knowledge base, the templates and scenario files,
 * runs a scenario or projects a contract, and assembles a ReportSource. Everything after this
 * (the model, the HTML, the workbook) works on plain data.
 */

export interface ResultContext {
  /** What the report is about, e.g. the scenario's name. */
  name?: string;
  /** What was run (a scenario file, a stored run id); shown under "the run". */
  label?: string;
  /** The scenario file as written, for the provenance of its own numbers. */
  scenario?: ScenarioDocument;
  runId?: string;
  createdAt?: string;
  command?: string;
  knowledge?: KnowledgeBase;
  /**
   * Which results get their per-trial rows regenerated from the seed: 'all' (the default; a
   * workbook lists them), 'fund' (a printed report needs them only for the fund's histogram of
   * the money multiple; a contract result carries its own histograms) or 'none'.
   */
  perTrial?: PerTrialNeed;
  workers?: number;
}

export type PerTrialNeed = 'all' | 'fund' | 'none';

export interface ScenarioRunOptions {
  trials?: number;
  seed?: string | number;
  workers?: number;
  perTrial?: PerTrialNeed;
}

/** A template id's file as the report names it. */
function templateFileOf(id: string): string {
  return displayPath(path.join(DEFAULT_CONTRACTS_DIR, `${id}.json`));
}

function templateExists(id: string): boolean {
  return /^[\w-]+$/.test(id) && existsSync(path.join(DEFAULT_CONTRACTS_DIR, `${id}.json`));
}

/** True for `projectionToJson` output (a contract projection), false for a runScenario result. */
export function isProjectionJson(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'contract' in value &&
    'byYear' in value &&
    !('meta' in value)
  );
}

function fundTemplates(fund: FundInput): Record<string, { file: string; contract: Contract }> {
  const templates: Record<string, { file: string; contract: Contract }> = {};
  for (const product of fund.products) {
    const id = product.contractTemplate;
    if (id && templateExists(id) && !templates[id]) {
      templates[id] = { file: templateFileOf(id), contract: loadContractTemplate(id) };
    }
  }
  return templates;
}

interface ContractResultJson {
  inputs: { contract: Contract; uncertainty?: ContractUncertainty };
  monteCarlo: {
    outputs: { netAtHorizon: { kommune: { mean: number | null; p50: number | null } | null } };
  };
  meta: { seed: string | number; trials: number; version: string | null };
}
interface FundResultJson {
  inputs: { fund: FundInput };
  monteCarlo: Parameters<typeof fundPerTrial>[2];
  meta: { seed: string | number; trials: number; version: string | null };
}

async function regeneratePerTrial(
  result: unknown,
  kb: KnowledgeBase,
  workers: number | undefined,
): Promise<PerTrialTable | null> {
  const meta = (result as { meta: { seed: string | number; trials: number } }).meta;
  const settings = { trials: meta.trials, seed: meta.seed, workers };
  if (resultKind(result) === 'fund') {
    const r = result as FundResultJson;
    return fundPerTrial(r.inputs.fund, settings, r.monteCarlo);
  }
  const r = result as ContractResultJson;
  const contract = r.inputs.contract;
  return contractPerTrial(
    { contract, gains: contractGains(kb, contract), uncertainty: r.inputs.uncertainty ?? {} },
    settings,
    { kommune: r.monteCarlo.outputs.netAtHorizon.kommune },
  );
}

function provenanceOf(result: unknown, scenario: ScenarioDocument | undefined): RunProvenance {
  if (resultKind(result) === 'fund') {
    const fund = (result as FundResultJson).inputs.fund;
    return { kind: 'fund', fund, scenario, templates: fundTemplates(fund) };
  }
  const contract = (result as ContractResultJson).inputs.contract;
  return {
    kind: 'contract',
    contract,
    templateFile: templateExists(contract.id) ? templateFileOf(contract.id) : 'contract',
    scenario,
  };
}

/** A report source for a runScenario result (a contract or fund simulation) or a projection JSON. */
export async function reportSourceFromResult(
  result: unknown,
  context: ResultContext = {},
): Promise<ReportSource> {
  const knowledge = context.knowledge ?? loadKnowledgeBase();
  if (isProjectionJson(result)) {
    const id = (result as { contract: { id: string; name: string } }).contract.id;
    if (!templateExists(id)) {
      throw new InvalidInputError([
        {
          path: 'contract.id',
          message: `no contract template '${id}' to list the projection's assumptions from`,
        },
      ]);
    }
    return projectionSource(
      loadContractTemplate(id),
      templateFileOf(id),
      knowledge,
      result,
      context,
    );
  }
  const meta = (result as ContractResultJson).meta;
  const run: RunInfo = {
    softwareVersion: meta.version ?? SOFTWARE_VERSION,
    label: context.label ?? context.name ?? 'result',
    ...(context.command ? { command: context.command } : {}),
    ...(context.runId ? { runId: context.runId } : {}),
    ...(context.createdAt ? { createdAt: context.createdAt } : {}),
  };
  const need = context.perTrial ?? 'all';
  const perTrial =
    need === 'all' || (need === 'fund' && resultKind(result) === 'fund')
      ? await regeneratePerTrial(result, knowledge, context.workers)
      : null;
  const source: SimulationReportSource = {
    kind: 'simulation',
    name: context.name ?? context.scenario?.document.name?.toString() ?? run.label,
    knowledge,
    provenance: provenanceOf(result, context.scenario),
    run,
    result,
    ...(perTrial ? { perTrial } : {}),
  };
  return source;
}

function projectionSource(
  contract: Contract,
  templateFile: string,
  knowledge: KnowledgeBase,
  projection: unknown,
  context: ResultContext,
): ProjectionReportSource {
  return {
    kind: 'contractProjection',
    name: contract.name,
    knowledge,
    provenance: { kind: 'contract', contract, templateFile },
    run: {
      softwareVersion: SOFTWARE_VERSION,
      label: context.label ?? templateFile,
      command: context.command ?? `dsi report ${contract.id}`,
    },
    projection,
    contract,
  };
}

/** The projection report of a contract (already validated against the knowledge base). */
export function reportSourceFromContract(
  contract: Contract,
  templateFile: string,
  knowledge: KnowledgeBase = loadKnowledgeBase(),
  command = `dsi report ${templateFile}`,
): ProjectionReportSource {
  const projection = projectionToJson(
    projectContract(contract, contractGains(knowledge, contract)),
  );
  return projectionSource(contract, templateFile, knowledge, projection, { command });
}

/** Runs a scenario file (its own trials and seed unless given) and makes its report source. */
export async function reportSourceFromScenarioFile(
  file: string,
  options: ScenarioRunOptions = {},
  knowledge: KnowledgeBase = loadKnowledgeBase(),
): Promise<SimulationReportSource> {
  const { document, resolved } = readScenarioFile(file, knowledge);
  const label = displayPath(file);
  // The schema has checked the document: an object with the scenario's keys.
  const written = document as ScenarioDocument['document'];
  const trials = options.trials ?? resolved.settings.trials;
  const seed = options.seed ?? resolved.settings.seed;
  const runnable: RunnableScenario =
    resolved.kind === 'fund'
      ? { kind: 'fund', fund: resolved.fund }
      : { kind: 'contract', input: resolved.input };
  const result = await runScenario(runnable, {
    trials,
    seed,
    workers: options.workers,
    version: SOFTWARE_VERSION,
  });
  return (await reportSourceFromResult(result, {
    name: resolved.name,
    label,
    scenario: { file: label, document: written },
    command: `dsi report ${label} --trials ${trials} --seed ${seed}`,
    knowledge,
    perTrial: options.perTrial,
    workers: options.workers,
  })) as SimulationReportSource;
}

/** A stored simulation run as the database holds it (SimulationRunEntity's columns). */
export interface StoredRun {
  id: string;
  status: string;
  inputs: string;
  result: string | null;
  createdAt: string;
}

/**
 * The report source of a finished stored run. The run's inputs may carry the scenario file as
 * written (`scenario` and `scenarioFile`), which gives its numbers their sources.
 */
export async function reportSourceFromStoredRun(
  run: StoredRun,
  options: { knowledge?: KnowledgeBase; workers?: number; perTrial?: PerTrialNeed } = {},
): Promise<SimulationReportSource> {
  if (run.status !== 'done' || run.result === null) {
    throw new InvalidInputError([
      {
        path: 'status',
        message: `simulation run '${run.id}' is ${run.status}; only a finished run has a report`,
      },
    ]);
  }
  const inputs = JSON.parse(run.inputs) as Record<string, unknown>;
  const document = inputs.scenario;
  const scenario =
    typeof document === 'object' && document !== null
      ? {
          file: typeof inputs.scenarioFile === 'string' ? inputs.scenarioFile : 'scenario',
          document: document as ScenarioDocument['document'],
        }
      : undefined;
  const name = typeof inputs.name === 'string' ? inputs.name : scenario?.document.name;
  return (await reportSourceFromResult(JSON.parse(run.result), {
    ...(typeof name === 'string' ? { name } : {}),
    label: `simulation run ${run.id}`,
    scenario,
    runId: run.id,
    createdAt: run.createdAt,
    command: `dsi report ${run.id}`,
    ...options,
  })) as SimulationReportSource;
}
