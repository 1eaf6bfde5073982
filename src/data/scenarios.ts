import * as path from 'node:path';
import {
  contractViolations,
  mergeOverrides,
  projectContract,
  type Contract,
} from '../engine/contract';
import type { FundInput, FundScenario, ProductBaseline } from '../engine/fund';
import { InvalidInputError } from '../engine/shared/errors';
import type { ContractSimulationInput } from '../engine/simulation';
import { gainProfile, type GainProfile, type KnowledgeBase } from '../engine/som';
import { loadContractTemplate, violationPathToPointer } from './contracts';
import {
  DataFileError,
  displayPath,
  readJsonText,
  validateAgainstSchema,
  validateFileText,
} from './json-file';

/**
 * Scenario files (`simulations/*.json`): an overlay on a named baseline. A contract scenario
 * names a template from `contracts/` (or embeds a contract) and lists what it changes; a fund
 * scenario (it has a `fund` key) names templates for its products. Everything wrong with a
 * scenario is reported as a DataFileError naming the file and the JSON path.
 */
export const DEFAULT_SCENARIOS_DIR = path.resolve(__dirname, '../../simulations');
const CONTRACT_SCENARIO_SCHEMA = path.join(DEFAULT_SCENARIOS_DIR, 'schema/scenario.schema.json');
const FUND_SCENARIO_SCHEMA = path.join(DEFAULT_SCENARIOS_DIR, 'schema/fund-scenario.schema.json');

/** Default run settings when a scenario and the caller give none. */
export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 'dsi';

export interface ContractScenario {
  $schema?: string;
  name: string;
  description?: string;
  contract: string | Record<string, unknown>;
  overrides?: Record<string, unknown>;
  uncertainty?: ContractSimulationInput['uncertainty'];
  investorTargetReturn?: number;
  sensitivity?: ContractSimulationInput['sensitivity'];
  simulation?: { trials?: number; seed?: string | number };
  sources?: Record<string, unknown>;
}

export interface RunSettingsInFile {
  trials: number;
  seed: string | number;
}

/** A scenario resolved against the templates and the knowledge base, ready to run. */
export type ResolvedScenarioInput =
  | { kind: 'contract'; name: string; input: ContractSimulationInput; settings: RunSettingsInFile }
  | { kind: 'fund'; name: string; fund: FundInput; settings: RunSettingsInFile };

/** Reads and resolves a scenario file; its schema check is skipped while it passed unchanged. */
export function loadScenarioFile(file: string, kb: KnowledgeBase): ResolvedScenarioInput {
  return readScenarioFile(file, kb).resolved;
}

/** `loadScenarioFile`, with the document as written (for a report or a stored run). */
export function readScenarioFile(
  file: string,
  kb: KnowledgeBase,
): { document: unknown; resolved: ResolvedScenarioInput } {
  const read = readJsonText(file);
  return { document: read.data, resolved: resolveScenarioText(file, read, kb) };
}

/** Resolves a scenario file already read (`readJsonText`), e.g. by a caller that looked inside. */
export function resolveScenarioText(
  file: string,
  { text, data }: { text: string; data: unknown },
  kb: KnowledgeBase,
): ResolvedScenarioInput {
  return resolveScenario(data, displayPath(file), kb, <T>(document: unknown, schema: string) =>
    validateFileText<T>(file, text, document, schema),
  );
}

/** Checks a scenario document against a schema; throws a DataFileError naming its paths. */
type ScenarioSchemaCheck = <T>(data: unknown, schemaFile: string) => T;

/** Resolves a scenario document; `label` names it in errors (a path, or 'body' for HTTP). */
export function resolveScenario(
  data: unknown,
  label: string,
  kb: KnowledgeBase,
  checkSchema: ScenarioSchemaCheck = <T>(document: unknown, schemaFile: string) =>
    validateAgainstSchema<T>(label, document, schemaFile),
): ResolvedScenarioInput {
  if (typeof data === 'object' && data !== null && 'fund' in data) {
    const scenario = checkSchema<FundScenario>(data, FUND_SCENARIO_SCHEMA);
    return {
      kind: 'fund',
      name: scenario.name,
      fund: resolveFund(scenario, label, kb),
      settings: settingsOf(scenario.simulation),
    };
  }
  const scenario = checkSchema<ContractScenario>(data, CONTRACT_SCENARIO_SCHEMA);
  const contract = resolveContract(scenario, label, kb);
  return {
    kind: 'contract',
    name: scenario.name,
    input: {
      contract,
      gains: contractGains(kb, contract),
      uncertainty: scenario.uncertainty,
      investorTargetReturn: scenario.investorTargetReturn,
      sensitivity: scenario.sensitivity,
    },
    settings: settingsOf(scenario.simulation),
  };
}

/** The SØM gains per additional success that a contract's projection and simulation use. */
export function contractGains(kb: KnowledgeBase, contract: Contract): GainProfile {
  return gainProfile(kb, contract.intervention.successMeasureId, {
    priceYear: contract.priceYear,
    years: contract.horizonYears,
  });
}

/** Seeds are strings in every result (a scenario may write 2024 or "2024": the same stream). */
function settingsOf(simulation?: { trials?: number; seed?: string | number }): RunSettingsInFile {
  return {
    trials: simulation?.trials ?? DEFAULT_TRIALS,
    seed: String(simulation?.seed ?? DEFAULT_SEED),
  };
}

/** Re-labels a domain error as an error of this file at the given JSON pointer prefix. */
function asFileError(label: string, prefix: string, error: unknown): never {
  if (error instanceof InvalidInputError) {
    throw DataFileError.of(
      label,
      error.violations.map((v) => ({
        path: prefix + (v.path.startsWith('/') ? v.path : violationPathToPointer(v.path)),
        message: v.message,
      })),
    );
  }
  throw error;
}

function resolveContract(scenario: ContractScenario, label: string, kb: KnowledgeBase): Contract {
  let base: Record<string, unknown>;
  let prefix: string;
  if (typeof scenario.contract === 'string') {
    try {
      base = loadContractTemplate(scenario.contract) as unknown as Record<string, unknown>;
    } catch (error) {
      if (error instanceof DataFileError && error.jsonPath === '') {
        throw new DataFileError(label, '/contract', error.message);
      }
      throw error;
    }
    prefix = '/overrides';
  } else {
    base = scenario.contract;
    prefix = '/contract';
  }
  let merged: Contract;
  try {
    merged = mergeOverrides(base, scenario.overrides ?? {}, 'overrides') as unknown as Contract;
  } catch (error) {
    asFileError(label, '', error);
  }
  const violations = contractViolations(kb, merged);
  if (violations.length > 0) asFileError(label, prefix, new InvalidInputError(violations));
  return merged;
}

/** The fund engine, loaded only for a fund scenario: a contract scenario need not pay its ~5 ms. */
function fundEngine(): typeof import('../engine/fund') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, synchronously
  return require('../engine/fund') as typeof import('../engine/fund');
}

function resolveFund(scenario: FundScenario, label: string, kb: KnowledgeBase): FundInput {
  const { productBaselineFromContract, repaymentPerKroneFromProjection, resolveFundScenario } =
    fundEngine();
  const baselines: Record<string, ProductBaseline> = {};
  const gainProfiles: Record<string, GainProfile> = {};
  const repaymentProfiles: Record<string, number[]> = {};
  try {
    scenario.products.forEach((product, index) => {
      if (product.contractTemplate === undefined) return;
      let template: Contract;
      try {
        template = loadContractTemplate(product.contractTemplate);
      } catch (error) {
        if (error instanceof DataFileError && error.jsonPath === '') {
          throw new DataFileError(label, `/products/${index}/contractTemplate`, error.message);
        }
        throw error;
      }
      baselines[product.contractTemplate] = productBaselineFromContract(template);
      // The fund reports gains within its horizon and over each success's whole SØM profile
      // (to the taper's end), so its products need the full profile, not the template's horizon.
      gainProfiles[product.id] = gainProfile(kb, template.intervention.successMeasureId, {
        priceYear: template.priceYear,
        years: kb.parameters.taperEndYear.value,
      });
      if (product.repayment.mode === 'profile') {
        repaymentProfiles[product.id] = repaymentPerKroneFromProjection(
          projectContract(template, contractGains(kb, template)),
        );
      }
    });
    return resolveFundScenario(scenario, { baselines, gainProfiles, repaymentProfiles });
  } catch (error) {
    return asFileError(label, '', error);
  }
}
