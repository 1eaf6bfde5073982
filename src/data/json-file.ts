import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A data file (knowledge base, contract template, scenario) that cannot be used: names the file,
 * the JSON path (a JSON pointer, '' for the whole document) and what was wrong.
 */
export class DataFileError extends Error {
  constructor(
    public readonly file: string,
    public readonly jsonPath: string,
    message: string,
  ) {
    super(`${file}${jsonPath ? ` at ${jsonPath}` : ''}: ${message}`);
    this.name = 'DataFileError';
  }
}

/** Repository-relative path for messages (absolute paths are noise to a reader). */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(
      displayPath(file),
      '',
      `cannot read file (${(error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataFileError(displayPath(file), '', `invalid JSON (${(error as Error).message})`);
  }
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = readJsonFile(schemaFile) as object;
    validate = ajv.compile(schema);
    compiled.set(schemaFile, validate);
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
export function validateAgainstSchema<T>(file: string, data: unknown, schemaFile: string): T {
  const validate = validatorFor(schemaFile);
  if (!validate(data)) {
    const problems = describeSchemaErrors(validate.errors ?? []);
    const rest = problems.slice(1).map((p) => `; ${p.path}: ${p.message}`);
    throw new DataFileError(
      displayPath(file),
      problems[0].path,
      problems[0].message + rest.join(''),
    );
  }
  return data as T;
}

export function readValidatedJson<T>(file: string, schemaFile: string): T {
  return validateAgainstSchema<T>(file, readJsonFile(file), schemaFile);
}
