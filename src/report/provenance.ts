import type { Contract, Provenance } from '../engine/contract/types';
import type { FundInput } from '../engine/fund/types';
import type { KnowledgeBase } from '../engine/som';
import { knowledgeProvenance, type GainProfileUse } from './provenance-knowledge';
import { walkNumbers } from './provenance-walk';
import type { AssumptionEntry, ReportLanguage } from './types';

/**
 * The provenance collector: every knowledge-base, template and scenario number a run used, each
 * with the source or assumption flag its file records (numbers without one are listed as
 * unsourced, never dropped). Pure: the caller reads the files.
 */

/** A scenario file as written (the overlay), when the run came from one. */
export interface ScenarioDocument {
  file: string;
  document: Record<string, unknown> & { sources?: Record<string, Provenance> };
}

export interface ContractRunProvenance {
  kind: 'contract';
  /** The contract as run: the template with the scenario's overrides laid over it. */
  contract: Contract;
  /** Where the template came from, e.g. 'contracts/ips-holbaek.json'. */
  templateFile: string;
  scenario?: ScenarioDocument;
}

export interface FundRunProvenance {
  kind: 'fund';
  fund: FundInput;
  scenario?: ScenarioDocument;
  /** The contract templates the products name, by template id. */
  templates: Record<string, { file: string; contract: Contract }>;
}

export type RunProvenance = ContractRunProvenance | FundRunProvenance;

/**
 * Keys of a scenario file that are not numbers of the run: text, the source map, and the run
 * settings (the trials and seed actually used are in the report's reproduction section, and a
 * command line may have replaced the file's).
 */
const SCENARIO_TEXT_KEYS = ['$schema', 'id', 'name', 'description', 'sources', 'simulation'];

/** Pointers a scenario's `overrides` replace in the contract (objects merge; arrays and values replace). */
function overriddenPointers(overrides: unknown, pointer = ''): string[] {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    return [pointer];
  }
  return Object.entries(overrides as Record<string, unknown>).flatMap(([key, value]) =>
    overriddenPointers(value, `${pointer}/${key}`),
  );
}

function isWithin(pointer: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => pointer === p || pointer.startsWith(`${p}/`));
}

function contractEntries(run: ContractRunProvenance): AssumptionEntry[] {
  const scenario = run.scenario;
  const entries: AssumptionEntry[] = [];
  const inline = scenario !== undefined && typeof scenario.document.contract === 'object';
  if (scenario) {
    entries.push(
      ...walkNumbers(scenario.document, {
        origin: 'scenario',
        file: scenario.file,
        sources: scenario.document.sources ?? {},
        skipKeys: [...SCENARIO_TEXT_KEYS, 'contract'],
      }),
    );
  }
  const overridden = overriddenPointers(scenario?.document.overrides ?? {}).filter(Boolean);
  entries.push(
    ...walkNumbers(run.contract, {
      origin: inline ? 'scenario' : 'template',
      file: inline && scenario ? scenario.file : run.templateFile,
      prefix: inline ? '/contract' : '',
      sources: run.contract.sources ?? {},
      skipKeys: ['sources'],
      skipPointers: (pointer) => isWithin(pointer, overridden),
    }),
  );
  return entries;
}

/** Template pointers a product takes from its template, by the product field that would override them. */
function baselinePointers(contract: Contract): Record<string, string[]> {
  return {
    participantsPerKrone:
      contract.intervention.cost.total !== undefined
        ? ['/intervention/participants', '/intervention/cost/total']
        : ['/intervention/cost/perParticipant'],
    grossSuccessRate: ['/intervention/grossSuccessRate'],
    deadweightRate: ['/intervention/deadweightRate'],
    dropoutRate: ['/intervention/dropoutRate'],
  };
}

/** The scenario's own product fields (what it overrides), or none when the scenario is unknown. */
function scenarioProduct(
  scenario: ScenarioDocument | undefined,
  index: number,
): Record<string, unknown> {
  const products = scenario?.document.products;
  return Array.isArray(products) ? ((products[index] ?? {}) as Record<string, unknown>) : {};
}

function fundEntries(run: FundRunProvenance): {
  entries: AssumptionEntry[];
  uses: GainProfileUse[];
} {
  const entries: AssumptionEntry[] = [];
  const uses: GainProfileUse[] = [];
  if (run.scenario) {
    entries.push(
      ...walkNumbers(run.scenario.document, {
        origin: 'scenario',
        file: run.scenario.file,
        sources: run.scenario.document.sources ?? {},
        skipKeys: SCENARIO_TEXT_KEYS,
      }),
    );
  } else {
    // Without the scenario file only the fund as run is known; its numbers have no recorded source.
    const computed = /^\/products\/\d+\/(gainProfile|repayment\/repaymentPerKrone)(\/|$)/;
    entries.push(
      ...walkNumbers(run.fund, {
        origin: 'scenario',
        file: 'fund',
        sources: {},
        skipPointers: (pointer) => computed.test(pointer),
      }),
    );
  }
  const listed = new Set<string>();
  run.fund.products.forEach((product, index) => {
    const template = product.contractTemplate ? run.templates[product.contractTemplate] : undefined;
    if (!template) return;
    const { contract, file } = template;
    uses.push({
      measureId: contract.intervention.successMeasureId,
      priceYear: contract.priceYear,
      years: contract.horizonYears,
    });
    const own = scenarioProduct(run.scenario, index);
    const used = new Set<string>(['/priceYear', '/horizonYears']);
    if (product.repayment.mode === 'profile') {
      // The repayment profile is the template's whole projection: every number counts.
      walkNumbers(contract, {
        origin: 'template',
        file,
        sources: {},
        skipKeys: ['sources'],
      }).forEach((e) => used.add(e.pointer));
    }
    for (const [field, pointers] of Object.entries(baselinePointers(contract))) {
      if (own[field] === undefined) pointers.forEach((p) => used.add(p));
    }
    const fresh = walkNumbers(contract, {
      origin: 'template',
      file,
      sources: contract.sources ?? {},
      skipKeys: ['sources'],
    }).filter((e) => used.has(e.pointer) && !listed.has(`${file}#${e.pointer}`));
    fresh.forEach((e) => listed.add(`${file}#${e.pointer}`));
    entries.push(...fresh);
  });
  return { entries, uses };
}

/** Every number the run used, scenario first, then templates, then the knowledge base. */
export function collectProvenance(
  kb: KnowledgeBase,
  run: RunProvenance,
  language: ReportLanguage,
): AssumptionEntry[] {
  if (run.kind === 'contract') {
    const use: GainProfileUse = {
      measureId: run.contract.intervention.successMeasureId,
      priceYear: run.contract.priceYear,
      years: run.contract.horizonYears,
    };
    return [
      ...contractEntries(run),
      ...knowledgeProvenance(kb, [use], run.contract.discountRate === undefined, language),
    ];
  }
  const { entries, uses } = fundEntries(run);
  return [
    ...entries,
    ...knowledgeProvenance(kb, uses, run.fund.discountRate === undefined, language),
  ];
}
