import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataFileError, DEFAULT_SCHEMA_CACHE_DIR } from './json-file';
import { loadKnowledgeBase } from './knowledge';
import { loadScenarioFile } from './scenarios';

const IPS_SCENARIO = path.resolve(__dirname, '../../simulations/ips-holbaek.json');
const MARKER_DIR = path.join(path.dirname(DEFAULT_SCHEMA_CACHE_DIR), 'validated');

/** The validation markers that name `file` (see json-file.ts). */
const markersOf = (file: string) =>
  readdirSync(MARKER_DIR).filter(
    (name) => readFileSync(path.join(MARKER_DIR, name), 'utf8') === path.resolve(file),
  );

describe('loading a scenario file', () => {
  const kb = loadKnowledgeBase();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'dsi-scenario-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the schema once per version of the file, and refuses a broken one every time', () => {
    const file = path.join(dir, 'ips.json');
    const scenario = JSON.parse(readFileSync(IPS_SCENARIO, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...scenario, $schema: undefined }));
    const first = loadScenarioFile(file, kb);
    expect(first.kind).toBe('contract');
    expect(markersOf(file)).toHaveLength(1);
    expect(loadScenarioFile(file, kb)).toEqual(first);
    expect(markersOf(file)).toHaveLength(1);

    writeFileSync(file, JSON.stringify({ ...scenario, simulation: { trials: 'many' } }));
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => loadScenarioFile(file, kb)).toThrow(DataFileError);
      expect(() => loadScenarioFile(file, kb)).toThrow(/\/simulation\/trials/);
    }
  });
});
