import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataFileError } from './json-file';
import { DEFAULT_KNOWLEDGE_DIR, knowledgeFiles, loadKnowledgeBase } from './knowledge';

const sourced = (value: number) => ({ value, source: 'test' });

/** A valid target group with two consequences, to break one field at a time. */
function validGroup(id = 'test-group', measureId = 'test-measure') {
  return {
    id,
    name: { da: 'Test', en: 'Test' },
    description: 'test',
    source: 'test',
    items: [
      {
        id: 'bed-day',
        name: { da: 'Sengedag', en: 'Bed-day' },
        area: 'health',
        unit: 'day',
        priceYear: 2023,
        prices: { kommune: sourced(100), region: sourced(900), stat: sourced(0) },
      },
    ],
    successMeasures: [
      {
        id: measureId,
        name: { da: 'Succes', en: 'Success' },
        description: 'test',
        source: 'test',
        consequences: [
          { item: 'bed-day', effects: [sourced(-1)] },
          { item: 'bed-day', effects: [sourced(-2), sourced(-1), sourced(-0.5)] },
        ],
      },
    ],
  };
}

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes a knowledge directory with the repository's parameters.json and the given group files. */
function knowledgeDir(groups: Record<string, unknown>, parameters?: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
  tempDirs.push(dir);
  mkdirSync(path.join(dir, 'target-groups'));
  const params =
    parameters ??
    JSON.parse(readFileSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'parameters.json'), 'utf8'));
  writeFileSync(path.join(dir, 'parameters.json'), JSON.stringify(params));
  for (const [name, content] of Object.entries(groups)) {
    writeFileSync(path.join(dir, 'target-groups', name), JSON.stringify(content));
  }
  return dir;
}

function loadError(dir: string): DataFileError {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error(`expected ${dir} to fail loading`);
}

describe('loadKnowledgeBase on the repository', () => {
  const kb = loadKnowledgeBase();
  const measureIds = kb.targetGroups.flatMap((g) => g.successMeasures.map((m) => m.id));

  it('holds the success measures other engines rely on, by their fixed ids', () => {
    expect(measureIds).toEqual(
      expect.arrayContaining([
        'vulnerable-no-acute-psychiatric-contact',
        'vulnerable-completes-drug-treatment',
        'vulnerable-labour-market-attachment',
        'homeless-leaves-shelter',
      ]),
    );
  });

  it('reads target groups in file-name order after parameters.json', () => {
    const files = knowledgeFiles().map((f) => f.relativePath);
    expect(files[0]).toBe(path.join('knowledge', 'parameters.json'));
    expect(files.slice(1)).toEqual([...files.slice(1)].sort());
    expect(kb.targetGroups.map((g) => g.id)).toEqual(
      expect.arrayContaining(['very-vulnerable-adults', 'homeless-shelter-users']),
    );
  });

  it('covers the price years 2017–2026 and the Finance Ministry discount schedule', () => {
    const years = kb.parameters.priceIndex.map((p) => p.year);
    for (let year = 2017; year <= 2026; year++) expect(years).toContain(year);
    expect(kb.parameters.discountRate.map((s) => [s.fromYear, s.toYear, s.rate.value])).toEqual([
      [0, 35, 0.035],
      [36, null, 0.025],
    ]);
  });
});

describe('loadKnowledgeBase rejects a bad file with its name and JSON path', () => {
  it('accepts the valid test group (so the failures below come from the one broken field)', () => {
    expect(loadKnowledgeBase(knowledgeDir({ 'x.json': validGroup() })).targetGroups).toHaveLength(
      1,
    );
  });

  it('names the effect that has neither a source nor an assumption flag', () => {
    const group = validGroup();
    group.successMeasures[0].consequences[1].effects[2] = { value: -0.5 } as never;
    const error = loadError(knowledgeDir({ 'x.json': group }));
    expect(error.file.endsWith(path.join('target-groups', 'x.json'))).toBe(true);
    expect(error.jsonPath).toBe('/successMeasures/0/consequences/1/effects/2');
    expect(error.message).toContain(
      "x.json at /successMeasures/0/consequences/1/effects/2: must have required property 'source'",
    );
  });

  it('accepts an assumption only with its reason', () => {
    const group = validGroup();
    group.successMeasures[0].consequences[0].effects[0] = { value: -1, assumption: true } as never;
    expect(loadError(knowledgeDir({ 'x.json': group })).jsonPath).toBe(
      '/successMeasures/0/consequences/0/effects/0',
    );
  });

  it('rejects an unknown key', () => {
    const group = validGroup();
    (group.items[0] as Record<string, unknown>).colour = 'red';
    const error = loadError(knowledgeDir({ 'x.json': group }));
    expect(error.jsonPath).toBe('/items/0');
    expect(error.message).toContain('must NOT have additional properties (colour)');
  });

  it('rejects a consequence whose item the target group lacks', () => {
    const group = validGroup();
    group.successMeasures[0].consequences[0].item = 'no-such-item';
    const error = loadError(knowledgeDir({ 'x.json': group }));
    expect(error.jsonPath).toBe('/successMeasures/0/consequences/0/item');
    expect(error.message).toContain("item 'no-such-item' is not among this target group's items");
  });

  it('rejects a success measure id already used in another file', () => {
    const error = loadError(
      knowledgeDir({ 'a.json': validGroup('group-a'), 'b.json': validGroup('group-b') }),
    );
    expect(error.file.endsWith('b.json')).toBe(true);
    expect(error.jsonPath).toBe('/successMeasures/0/id');
    expect(error.message).toContain("success measure id 'test-measure' is already used in");
  });

  it('rejects a price year the price index does not cover', () => {
    const group = validGroup();
    group.items[0].priceYear = 1999;
    expect(loadError(knowledgeDir({ 'x.json': group })).jsonPath).toBe('/items/0/priceYear');
  });

  it('rejects more than 9 years of effects', () => {
    const group = validGroup();
    group.successMeasures[0].consequences[0].effects = Array.from({ length: 10 }, () =>
      sourced(-1),
    );
    const error = loadError(knowledgeDir({ 'x.json': group }));
    expect(error.jsonPath).toBe('/successMeasures/0/consequences/0/effects');
    expect(error.message).toContain('must NOT have more than 9 items');
  });

  it('rejects a consequence with both effects and group rows', () => {
    const group = validGroup();
    (group.successMeasures[0].consequences[0] as Record<string, unknown>).groupRows = {
      successGroup: [1, 2],
      others: [2, 3],
      adjustment: [0, 0],
      source: 'test',
    };
    const error = loadError(knowledgeDir({ 'x.json': group }));
    expect(error.jsonPath).toBe('/successMeasures/0/consequences/0');
    expect(error.message).toContain('exactly one of effects and groupRows');
  });

  it('rejects a discount schedule with a gap', () => {
    const parameters = JSON.parse(
      readFileSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'parameters.json'), 'utf8'),
    );
    parameters.discountRate[1].fromYear = 40;
    const error = loadError(knowledgeDir({ 'x.json': validGroup() }, parameters));
    expect(error.file.endsWith('parameters.json')).toBe(true);
    expect(error.jsonPath).toBe('/discountRate');
  });
});
