import type { ErrorObject, Options as AjvOptions } from 'ajv';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { compileFunction } from 'node:vm';

/**
 * A data file (knowledge base, contract template, scenario) that cannot be used: names the file,
 * the JSON path (a JSON pointer, '' for the whole document) and what was wrong.
 */
export class DataFileError extends Error {
  /** Every violation, by JSON pointer; the first is `jsonPath` with its message. */
  public readonly violations: { path: string; message: string }[];

  constructor(
    public readonly file: string,
    public readonly jsonPath: string,
    message: string,
    violations?: { path: string; message: string }[],
  ) {
    super(`${file}${jsonPath ? ` at ${jsonPath}` : ''}: ${message}`);
    this.name = 'DataFileError';
    this.violations = violations ?? [{ path: jsonPath || '/', message }];
  }

  /** One error for several violations (JSON pointers): the first names the path, the message lists all. */
  static of(file: string, violations: { path: string; message: string }[]): DataFileError {
    const [first, ...rest] = violations;
    const more = rest.map((v) => `; ${v.path}: ${v.message}`).join('');
    return new DataFileError(file, first.path, first.message + more, violations);
  }
}

/** Repository-relative path for messages (absolute paths are noise to a reader). */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(
      displayPath(file),
      '',
      `cannot read file (${(error as Error).message})`,
    );
  }
}

export function readJsonFile(file: string): unknown {
  return parseJsonText(file, readTextFile(file));
}

function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataFileError(displayPath(file), '', `invalid JSON (${(error as Error).message})`);
  }
}

/**
 * Schema validators. Strict validation (unknown keys, wrong types, every violation listed) of
 * every document that has not passed before (see `readValidatedJson`), but compiling a schema
 * with ajv costs 30–150 ms each, more than a whole
 * simulation of 10,000 trials, and `dsi simulate` needs four. So each schema's validator is
 * compiled once into ajv's standalone code (the very function ajv would build, as JavaScript
 * source) and kept in a cache directory under a key that hashes the schema text, the ajv
 * version and the options; later processes load that source in a few milliseconds without
 * loading ajv at all. A changed schema gets a new key, so a stale validator is never used.
 * When the cache cannot be written (a read-only install) validators are compiled per process.
 */
const AJV_OPTIONS: AjvOptions = { allErrors: true, strict: true, allowUnionTypes: true };
/** Part of the cache key: bump when the way validators are generated or loaded changes. */
const CACHE_FORMAT_VERSION = 1;
/** The conventional place for tool caches: `node_modules/.cache/<tool>` of the repository. */
export const DEFAULT_SCHEMA_CACHE_DIR = path.resolve(
  __dirname,
  '../../node_modules/.cache/dsi-simulator/schema-validators',
);

/** A compiled schema: true when `data` is valid, else false with `errors` set. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface SchemaValidatorOptions {
  /** Where compiled validators are kept; null compiles in this process only. */
  cacheDir?: string | null;
}

let ajvVersion: string | undefined;
function installedAjvVersion(): string {
  ajvVersion ??= (
    JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return ajvVersion;
}

/** The cache file of a schema: the hash covers everything the generated code depends on. */
export function schemaCacheFile(schemaText: string, cacheDir: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT_VERSION, installedAjvVersion(), AJV_OPTIONS]))
    .update('\0')
    .update(schemaText)
    .digest('hex');
  return path.join(cacheDir, `${key}.js`);
}

/** Runs standalone validator source as a CommonJS module; its `require`s resolve from here (ajv's runtime helpers). */
function validatorFromSource(source: string, filename: string): SchemaValidator {
  const module = { exports: {} as unknown };
  compileFunction(source, ['require', 'module', 'exports'], { filename })(
    require,
    module,
    module.exports,
  );
  return module.exports as SchemaValidator;
}

function readCached(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a file. */
function writeCached(file: string, source: string): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, source);
    renameSync(temporary, file);
  } catch {
    // A read-only or missing cache only costs time: the validator was compiled anyway.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Compiles a schema with ajv (loaded only here) and returns the validator and its standalone source. */
function compileSchema(schema: object): { validate: SchemaValidator; source: string } {
  /* eslint-disable @typescript-eslint/no-require-imports -- ajv costs ~40 ms to load: only on a cache miss */
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  const { default: standaloneCode } =
    require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(schema);
  return { validate, source: standaloneCode(ajv, validate) };
}

/**
 * The validator of a JSON Schema file, from the cache when it holds one for this schema text,
 * else compiled (and stored). `cacheDir` null: compiled, never stored.
 */
export function buildSchemaValidator(schemaFile: string, cacheDir: string | null): SchemaValidator {
  const schemaText = readTextFile(schemaFile);
  let schema: object;
  try {
    schema = JSON.parse(schemaText) as object;
  } catch (error) {
    throw new DataFileError(
      displayPath(schemaFile),
      '',
      `invalid JSON (${(error as Error).message})`,
    );
  }
  const cacheFile = cacheDir === null ? null : schemaCacheFile(schemaText, cacheDir);
  const cached = cacheFile === null ? null : readCached(cacheFile);
  if (cached !== null && cacheFile !== null) return validatorFromSource(cached, cacheFile);
  const compiled = compileSchema(schema);
  if (cacheFile !== null) writeCached(cacheFile, compiled.source);
  return compiled.validate;
}

const validators = new Map<string, SchemaValidator>();

/** `buildSchemaValidator` once per schema file and process. */
export function schemaValidator(
  schemaFile: string,
  options: SchemaValidatorOptions = {},
): SchemaValidator {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_SCHEMA_CACHE_DIR : options.cacheDir;
  const memoKey = `${cacheDir ?? ''}\0${schemaFile}`;
  let validate = validators.get(memoKey);
  if (validate === undefined) {
    validate = buildSchemaValidator(schemaFile, cacheDir);
    validators.set(memoKey, validate);
  }
  return validate;
}

/** One line per violated path, e.g. "/intervention/participants: must be >= 1". */
export function describeSchemaErrors(errors: ErrorObject[]): { path: string; message: string }[] {
  return errors.map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`
        : '';
    return { path: error.instancePath || '/', message: `${error.message ?? 'invalid'}${extra}` };
  });
}

/**
 * Validates parsed JSON against a JSON Schema file; throws a DataFileError naming the first
 * violated path and listing all of them.
 */
export function validateAgainstSchema<T>(
  file: string,
  data: unknown,
  schemaFile: string,
  options: SchemaValidatorOptions = {},
): T {
  const validate = schemaValidator(schemaFile, options);
  if (!validate(data)) {
    throw DataFileError.of(displayPath(file), describeSchemaErrors(validate.errors ?? []));
  }
  return data as T;
}

/**
 * Data files that have passed their schema are not checked against it again while neither
 * changes: the knowledge base alone took 14 ms a command to load its validators and run them.
 * A pass leaves a marker file named `<hash of the file's path>.<hash of the validator's cache
 * key and the file's text>`, holding the file's path; the same bytes against the same schema
 * can only pass again. A file that fails leaves no marker, so its errors are reported on every
 * load. A new pass removes the file's older markers and those of files that no longer exist,
 * so there is at most one per data file. Like the validators, a process reads each schema once.
 */
const VALIDATED_DIR = 'validated';

const schemaKeys = new Map<string, string>();
function schemaKey(schemaFile: string, cacheDir: string): string {
  let key = schemaKeys.get(schemaFile);
  if (key === undefined) {
    key = path.basename(schemaCacheFile(readTextFile(schemaFile), cacheDir));
    schemaKeys.set(schemaFile, key);
  }
  return key;
}

/** A JSON file checked against its schema (see above: not again while both are unchanged). */
export function readValidatedJson<T>(
  file: string,
  schemaFile: string,
  cacheDir: string | null = DEFAULT_SCHEMA_CACHE_DIR,
): T {
  const { text, data } = readJsonText(file);
  return validateFileText<T>(file, text, data, schemaFile, cacheDir);
}

/** A JSON file's text and its parsed value (errors name the file). */
export function readJsonText(file: string): { text: string; data: unknown } {
  const text = readTextFile(file);
  return { text, data: parseJsonText(file, text) };
}

/**
 * `validateAgainstSchema` for `data` parsed from `file`'s `text`, skipped while a marker says
 * this text has passed this schema (see above).
 */
export function validateFileText<T>(
  file: string,
  text: string,
  data: unknown,
  schemaFile: string,
  cacheDir: string | null = DEFAULT_SCHEMA_CACHE_DIR,
): T {
  if (cacheDir === null) return validateAgainstSchema<T>(file, data, schemaFile, { cacheDir });
  const markerDir = path.join(path.dirname(cacheDir), VALIDATED_DIR);
  const absolutePath = path.resolve(file);
  const fileKey = createHash('sha256').update(absolutePath).digest('hex');
  const markerName = `${fileKey}.${createHash('sha256')
    .update(schemaKey(schemaFile, cacheDir))
    .update('\0')
    .update(text)
    .digest('hex')}`;
  if (existsSync(path.join(markerDir, markerName))) return data as T;
  const valid = validateAgainstSchema<T>(file, data, schemaFile, { cacheDir });
  removeStaleMarkers(markerDir, `${fileKey}.`, markerName);
  writeCached(path.join(markerDir, markerName), absolutePath);
  return valid;
}

/** A temporary file this old was left by a writer that died (a write takes milliseconds). */
const ABANDONED_TEMPORARY_MS = 60_000;

/**
 * Removes, except `keep`: the markers whose names start with `prefix` (the file's earlier
 * versions), those whose file no longer exists (temporary files), those of earlier formats (no
 * dot in the name, or no path inside) and abandoned temporary files. Runs only when a file is
 * validated. Each entry is its own attempt: another process may be sweeping or writing too.
 */
function removeStaleMarkers(markerDir: string, prefix: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(markerDir);
  } catch {
    return; // No markers yet.
  }
  for (const name of names) {
    if (name === keep) continue;
    const marker = path.join(markerDir, name);
    try {
      const stale = name.endsWith('.tmp')
        ? Date.now() - statSync(marker).mtimeMs > ABANDONED_TEMPORARY_MS
        : isStaleMarker(name, prefix, readFileSync(marker, 'utf8'));
      if (stale) rmSync(marker, { force: true });
    } catch {
      // Gone already, or not ours to remove (a read-only cache): leave it.
    }
  }
}

function isStaleMarker(name: string, prefix: string, markedFile: string): boolean {
  return (
    name.startsWith(prefix) || !name.includes('.') || markedFile === '' || !existsSync(markedFile)
  );
}
