import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from './knowledge';

/**
 * Every number in the knowledge base must say where it comes from (STYLE.md, "Numbers are data
 * with a source"). A number passes when the object holding it, or holding the array it is in,
 * has a `source` or is flagged `assumption: true` / `calibrated: true` with a `reason`; or when
 * its key names a calendar year or a count of years (a label, not a quantity). JSON Schemas under
 * knowledge/schema are rules, not data, and are skipped.
 */
const LABEL_KEYS = new Set(['year', 'priceYear', 'fromYear', 'toYear', 'horizonYears']);
const SCHEMA_DIR = path.join(DEFAULT_KNOWLEDGE_DIR, 'schema');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return full === SCHEMA_DIR ? [] : jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

function hasProvenance(holder: Record<string, unknown>): boolean {
  if (typeof holder.source === 'string' && holder.source.length > 0) return true;
  const flagged = holder.assumption === true || holder.calibrated === true;
  return flagged && typeof holder.reason === 'string' && holder.reason.length > 0;
}

/** JSON pointers of the numbers without provenance. */
function unsourcedNumbers(
  value: unknown,
  pointer = '',
  holder: Record<string, unknown> | null = null,
  key = '',
): string[] {
  if (typeof value === 'number') {
    return LABEL_KEYS.has(key) || (holder !== null && hasProvenance(holder)) ? [] : [pointer];
  }
  if (Array.isArray(value)) {
    return value.flatMap((element, i) => unsourcedNumbers(element, `${pointer}/${i}`, holder, key));
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.entries(object).flatMap(([k, v]) =>
      unsourcedNumbers(v, `${pointer}/${k}`, object, k),
    );
  }
  return [];
}

describe('knowledge base provenance', () => {
  const files = jsonFiles(DEFAULT_KNOWLEDGE_DIR);

  it('finds the parameter and target-group files', () => {
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining([
        'parameters.json',
        'very-vulnerable-adults.json',
        'homeless-shelter-users.json',
      ]),
    );
  });

  it.each(files.map((file) => [path.relative(path.dirname(DEFAULT_KNOWLEDGE_DIR), file), file]))(
    '%s has a source or an assumption/calibration flag on every number',
    (_name, file) => {
      const unsourced = unsourcedNumbers(JSON.parse(readFileSync(file, 'utf8')));
      expect(unsourced).toEqual([]);
    },
  );

  it('catches a number without provenance (the check can fail)', () => {
    expect(unsourcedNumbers({ prices: { kommune: { value: 1 } } })).toEqual([
      '/prices/kommune/value',
    ]);
    expect(unsourcedNumbers({ value: 1, assumption: true })).toEqual(['/value']);
    expect(unsourcedNumbers({ groupRows: { others: [1, 2], source: 'slide' } })).toEqual([]);
  });
});
