import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { assertValidSchedule } from '../engine/shared/discount';
import type { KnowledgeBase, KnowledgeParameters, TargetGroup } from '../engine/som/types';
import { DataFileError, displayPath, readValidatedJson } from './json-file';

/** `knowledge/` at the repository root; resolves from `src/data` (ts-jest) and `dist/data` alike. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');

/** The schemas belong to the code, so they are read from the repository even for another data dir. */
const SCHEMA_DIR = path.join(DEFAULT_KNOWLEDGE_DIR, 'schema');
const PARAMETERS_SCHEMA = path.join(SCHEMA_DIR, 'parameters.schema.json');
const TARGET_GROUP_SCHEMA = path.join(SCHEMA_DIR, 'target-group.schema.json');

/** SØM estimates consequences for at most 9 years after success, then tapers (seed 002). */
export const MAX_EFFECT_YEARS = 9;

export interface KnowledgeFile {
  absolutePath: string;
  /** Relative to the knowledge directory's parent, e.g. 'knowledge/target-groups/x.json'. */
  relativePath: string;
}

/** parameters.json, then every target-groups/*.json in sorted order. */
export function knowledgeFiles(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeFile[] {
  const groupsDir = path.join(dir, 'target-groups');
  let groupFiles: string[];
  try {
    groupFiles = readdirSync(groupsDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new DataFileError(
      displayPath(groupsDir),
      '',
      `cannot list directory (${(error as Error).message})`,
    );
  }
  const files = [
    path.join(dir, 'parameters.json'),
    ...groupFiles.map((name) => path.join(groupsDir, name)),
  ];
  return files.map((absolutePath) => ({
    absolutePath,
    relativePath: path.relative(path.dirname(dir), absolutePath),
  }));
}

/**
 * Reads and validates the knowledge base: each file against its JSON Schema (unknown keys are
 * errors), then the cross-checks a schema cannot express. Any failure is a DataFileError naming
 * the file and the JSON path.
 */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const [parametersFile, ...groupFiles] = knowledgeFiles(dir).map((f) => f.absolutePath);
  const parameters = readValidatedJson<KnowledgeParameters>(parametersFile, PARAMETERS_SCHEMA);
  checkParameters(parametersFile, parameters);
  const indexYears = new Set(parameters.priceIndex.map((p) => p.year));

  const targetGroups: TargetGroup[] = [];
  const groupIds = new Map<string, string>();
  const measureIds = new Map<string, string>();
  for (const file of groupFiles) {
    const group = readValidatedJson<TargetGroup>(file, TARGET_GROUP_SCHEMA);
    const fail = (jsonPath: string, message: string): never => {
      throw new DataFileError(displayPath(file), jsonPath, message);
    };
    const claim = (ids: Map<string, string>, id: string, jsonPath: string, kind: string) => {
      const owner = ids.get(id);
      if (owner !== undefined) fail(jsonPath, `${kind} id '${id}' is already used in ${owner}`);
      ids.set(id, displayPath(file));
    };
    claim(groupIds, group.id, '/id', 'target group');

    const itemIds = new Set<string>();
    group.items.forEach((item, i) => {
      if (itemIds.has(item.id)) fail(`/items/${i}/id`, `item id '${item.id}' appears twice`);
      itemIds.add(item.id);
      if (!indexYears.has(item.priceYear)) {
        fail(`/items/${i}/priceYear`, `price year ${item.priceYear} is not in the price index`);
      }
    });

    group.successMeasures.forEach((measure, m) => {
      const at = `/successMeasures/${m}`;
      claim(measureIds, measure.id, `${at}/id`, 'success measure');
      measure.consequences.forEach((consequence, c) => {
        const cAt = `${at}/consequences/${c}`;
        if (!itemIds.has(consequence.item)) {
          fail(`${cAt}/item`, `item '${consequence.item}' is not among this target group's items`);
        }
        if ((consequence.effects === undefined) === (consequence.groupRows === undefined)) {
          fail(cAt, 'must give exactly one of effects and groupRows');
        }
        const rows = consequence.groupRows;
        if (rows) {
          const lengths = [rows.successGroup.length, rows.others.length, rows.adjustment.length];
          if (new Set(lengths).size !== 1) {
            fail(
              `${cAt}/groupRows`,
              `successGroup, others and adjustment differ in length (${lengths.join(', ')})`,
            );
          }
        }
        const years = consequence.effects?.length ?? rows?.successGroup.length ?? 0;
        if (years > MAX_EFFECT_YEARS) {
          fail(
            cAt,
            `${years} years of effects; SØM estimates at most ${MAX_EFFECT_YEARS} (then tapers)`,
          );
        }
      });
      if (measure.published && !indexYears.has(measure.published.priceYear)) {
        fail(
          `${at}/published/priceYear`,
          `price year ${measure.published.priceYear} is not in the price index`,
        );
      }
    });
    targetGroups.push(group);
  }
  return { parameters, targetGroups };
}

function checkParameters(file: string, parameters: KnowledgeParameters): void {
  const fail = (jsonPath: string, message: string): never => {
    throw new DataFileError(displayPath(file), jsonPath, message);
  };
  const seen = new Set<number>();
  parameters.priceIndex.forEach((entry, i) => {
    if (seen.has(entry.year)) fail(`/priceIndex/${i}/year`, `year ${entry.year} appears twice`);
    seen.add(entry.year);
  });
  try {
    assertValidSchedule(
      parameters.discountRate.map((s) => ({
        fromYear: s.fromYear,
        toYear: s.toYear,
        rate: s.rate.value,
      })),
    );
  } catch (error) {
    fail('/discountRate', (error as Error).message);
  }
  const taperEnd = parameters.taperEndYear.value;
  if (!Number.isInteger(taperEnd) || taperEnd <= MAX_EFFECT_YEARS) {
    fail(
      '/taperEndYear/value',
      `must be a whole year after year ${MAX_EFFECT_YEARS}, got ${taperEnd}`,
    );
  }
}
