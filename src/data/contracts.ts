import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { validateContract } from '../engine/contract/validate';
import type { Contract } from '../engine/contract/types';
import { DataFileError, displayPath, readValidatedJson } from './json-file';

/** `contracts/` at the repository root; resolves from `src/data` (ts-jest) and `dist/data` alike. */
export const DEFAULT_CONTRACTS_DIR = path.resolve(__dirname, '../../contracts');
/** The schema belongs to the code, so it is read from the repository even for another directory. */
export const CONTRACT_SCHEMA_FILE = path.join(
  DEFAULT_CONTRACTS_DIR,
  'schema',
  'contract.schema.json',
);

export interface ContractTemplateSummary {
  id: string;
  name: string;
  description: string;
  file: string;
}

/**
 * A validator path ("intervention.cost.total", "paymentModel.components[0].price") as the JSON
 * pointer that `DataFileError` names ("/intervention/cost/total", "/paymentModel/components/0/price").
 */
export function violationPathToPointer(fieldPath: string): string {
  return (
    '/' +
    fieldPath
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .join('/')
  );
}

/**
 * Reads a contract file: JSON Schema first (unknown keys, wrong types), then the rules of
 * `validateContract`. Any failure is a DataFileError naming the file and the JSON pointer of the
 * first violation, with every violation in the message.
 */
export function readContractFile(file: string): Contract {
  const document = readValidatedJson<Contract & { $schema?: string }>(file, CONTRACT_SCHEMA_FILE);
  // `$schema` only points editors at the schema; it is not part of the contract.
  const { $schema: _schema, ...contract } = document;
  void _schema;
  const violations = validateContract(contract);
  if (violations.length > 0) {
    throw DataFileError.of(
      displayPath(file),
      violations.map((v) => ({ path: violationPathToPointer(v.path), message: v.message })),
    );
  }
  return contract;
}

function templateFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch (error) {
    throw new DataFileError(
      displayPath(dir),
      '',
      `cannot list directory (${(error as Error).message})`,
    );
  }
}

/** Every template in `dir` (sorted by file name), each validated; the id must match the file name. */
export function listContractTemplates(
  dir: string = DEFAULT_CONTRACTS_DIR,
): ContractTemplateSummary[] {
  return templateFiles(dir).map((file) => {
    const contract = readContractFile(file);
    const expectedId = path.basename(file, '.json');
    if (contract.id !== expectedId) {
      throw new DataFileError(
        displayPath(file),
        '/id',
        `id '${contract.id}' must match the file name '${expectedId}'`,
      );
    }
    return { id: contract.id, name: contract.name, description: contract.description ?? '', file };
  });
}

/**
 * A template by id (`ips-holbaek` → contracts/ips-holbaek.json) or by a path to any contract
 * JSON file (anything containing a slash or ending in .json). Throws DataFileError for a missing,
 * malformed or invalid file.
 */
export function loadContractTemplate(
  idOrPath: string,
  dir: string = DEFAULT_CONTRACTS_DIR,
): Contract {
  const isPath =
    idOrPath.includes('/') || idOrPath.includes(path.sep) || idOrPath.endsWith('.json');
  const file = isPath ? path.resolve(idOrPath) : path.join(dir, `${idOrPath}.json`);
  if (!isPath && !existsSync(file)) {
    const known = templateFiles(dir).map((f) => path.basename(f, '.json'));
    throw new DataFileError(
      displayPath(file),
      '',
      `no contract template '${idOrPath}'; known: ${known.join(', ')}`,
    );
  }
  return readContractFile(file);
}
