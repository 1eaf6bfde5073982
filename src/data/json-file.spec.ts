import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CONTRACT_SCHEMA_FILE } from './contracts';
import {
  buildSchemaValidator,
  DataFileError,
  readValidatedJson,
  schemaCacheFile,
  type SchemaValidator,
} from './json-file';

/** A small schema with the features the data schemas use: required keys, patterns, unions, no extras. */
const SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'amount'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+$' },
    amount: { type: ['string', 'number'] },
    shares: { type: 'array', items: { type: 'number', minimum: 0, maximum: 1 } },
  },
};

const DOCUMENTS: unknown[] = [
  { id: 'ips', amount: '6900000' },
  { id: 'ips', amount: 12, shares: [0.5, 0.5] },
  { id: 'Not An Id', amount: true, extra: 1 },
  { amount: '1', shares: [2, -1, 'x'] },
  [],
  'text',
];

let dir: string;
let cacheDir: string;
let schemaFile: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsi-schema-cache-'));
  cacheDir = path.join(dir, 'cache');
  schemaFile = path.join(dir, 'test.schema.json');
  writeFileSync(schemaFile, JSON.stringify(SCHEMA));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Verdict and errors of a validator on every document. */
function verdicts(validate: SchemaValidator, documents: unknown[] = DOCUMENTS) {
  return documents.map((document) => ({ valid: validate(document), errors: validate.errors }));
}

describe('compiled schema validators kept in a cache', () => {
  it('give the same verdicts and the same error lists from the cache as from a fresh compile', () => {
    const fresh = verdicts(buildSchemaValidator(schemaFile, null));
    // The first use compiles and stores the standalone code, the next one loads it.
    const compiled = verdicts(buildSchemaValidator(schemaFile, cacheDir));
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const loaded = verdicts(buildSchemaValidator(schemaFile, cacheDir));
    expect(compiled).toEqual(fresh);
    expect(loaded).toEqual(fresh);
    // Valid: the first two; the others break the pattern, the types, the required keys.
    expect(fresh.map((v) => v.valid)).toEqual([true, true, false, false, false, false]);
    expect(fresh[2].errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      ' additionalProperties',
      '/id pattern',
      '/amount type',
    ]);
  });

  it('use the stored validator instead of compiling the schema again', () => {
    buildSchemaValidator(schemaFile, cacheDir);
    // Replace the stored code by one that accepts everything: a later load must run it.
    const stored = schemaCacheFile(JSON.stringify(SCHEMA), cacheDir);
    expect(readFileSync(stored, 'utf8')).toContain('module.exports');
    writeFileSync(stored, 'module.exports = () => true;');
    expect(buildSchemaValidator(schemaFile, cacheDir)('not an object')).toBe(true);
  });

  it('never use a validator stored for another version of the schema', () => {
    buildSchemaValidator(schemaFile, cacheDir);
    // The amount may no longer be a number: another key, so a new compile.
    const stricter = {
      ...SCHEMA,
      properties: { ...SCHEMA.properties, amount: { type: 'string' } },
    };
    writeFileSync(schemaFile, JSON.stringify(stricter));
    expect(buildSchemaValidator(schemaFile, cacheDir)({ id: 'ips', amount: 12 })).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('still validate when the cache cannot be written', () => {
    // A file where the cache directory should be: creating the directory fails.
    writeFileSync(cacheDir, 'not a directory');
    const validate = buildSchemaValidator(schemaFile, cacheDir);
    expect(validate({ id: 'ips', amount: '1' })).toBe(true);
    expect(validate({ id: 'ips' })).toBe(false);
  });

  it('judge the contract templates and broken copies of them alike from the cache and fresh', () => {
    const contracts = path.resolve(__dirname, '../../contracts');
    const templates = readdirSync(contracts)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(path.join(contracts, name), 'utf8')) as object);
    const broken = templates.map((template) => ({ ...template, horizonYears: 'six', extra: 1 }));
    const documents = [...templates, ...broken];
    const fresh = verdicts(buildSchemaValidator(CONTRACT_SCHEMA_FILE, null), documents);
    buildSchemaValidator(CONTRACT_SCHEMA_FILE, cacheDir);
    const loaded = verdicts(buildSchemaValidator(CONTRACT_SCHEMA_FILE, cacheDir), documents);
    expect(loaded).toEqual(fresh);
    expect(fresh.map((v) => v.valid)).toEqual([
      ...templates.map(() => true),
      ...broken.map(() => false),
    ]);
  });
});

describe('data files that passed their schema', () => {
  const markers = () => readdirSync(path.join(dir, 'validated'));

  it('are not checked again while unchanged, and a changed file is checked anew', () => {
    const file = path.join(dir, 'document.json');
    writeFileSync(file, JSON.stringify(DOCUMENTS[0]));
    expect(readValidatedJson(file, schemaFile, cacheDir)).toEqual(DOCUMENTS[0]);
    expect(markers()).toHaveLength(1);
    expect(readValidatedJson(file, schemaFile, cacheDir)).toEqual(DOCUMENTS[0]);
    expect(markers()).toHaveLength(1);
    // A broken copy is refused, naming the path, and leaves no marker: refused every time.
    writeFileSync(file, JSON.stringify(DOCUMENTS[2]));
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => readValidatedJson(file, schemaFile, cacheDir)).toThrow(DataFileError);
      expect(() => readValidatedJson(file, schemaFile, cacheDir)).toThrow(/\/id: must match/);
    }
    expect(markers()).toHaveLength(1);
  });

  it('keep one marker per file: a new version that passes replaces the old one', () => {
    const [first, second] = ['first.json', 'second.json'].map((name) => path.join(dir, name));
    writeFileSync(first, JSON.stringify(DOCUMENTS[0]));
    writeFileSync(second, JSON.stringify(DOCUMENTS[0]));
    readValidatedJson(first, schemaFile, cacheDir);
    readValidatedJson(second, schemaFile, cacheDir);
    const before = markers();
    expect(before).toHaveLength(2);
    writeFileSync(first, JSON.stringify(DOCUMENTS[1]));
    expect(readValidatedJson(first, schemaFile, cacheDir)).toEqual(DOCUMENTS[1]);
    const after = markers();
    // The first file's old marker is gone, its new one there; the second file's stands.
    expect(after).toHaveLength(2);
    expect(after.filter((name) => before.includes(name))).toHaveLength(1);
  });

  it('forget files that no longer exist (temporary files) when another file is checked', () => {
    const [gone, kept] = ['gone.json', 'kept.json'].map((name) => path.join(dir, name));
    writeFileSync(gone, JSON.stringify(DOCUMENTS[0]));
    readValidatedJson(gone, schemaFile, cacheDir);
    rmSync(gone);
    writeFileSync(kept, JSON.stringify(DOCUMENTS[1]));
    readValidatedJson(kept, schemaFile, cacheDir);
    expect(markers()).toHaveLength(1);
    const [marker] = markers();
    expect(readFileSync(path.join(dir, 'validated', marker), 'utf8')).toBe(path.resolve(kept));
  });

  it('are checked again against a stricter schema (as the next process reads it)', () => {
    const file = path.join(dir, 'document.json');
    writeFileSync(file, JSON.stringify(DOCUMENTS[0]));
    readValidatedJson(file, schemaFile, cacheDir);
    // The same file against a schema that demands shares: refused although it passed before.
    // (A process keeps each schema file's key, as it keeps its validator: the stricter text is
    // read under a new path here, as a later process would read it.)
    writeFileSync(schemaFile, JSON.stringify({ ...SCHEMA, required: ['id', 'amount', 'shares'] }));
    const freshSchemaFile = path.join(dir, 'stricter.schema.json');
    writeFileSync(freshSchemaFile, readFileSync(schemaFile, 'utf8'));
    expect(() => readValidatedJson(file, freshSchemaFile, cacheDir)).toThrow(/shares/);
  });
});
