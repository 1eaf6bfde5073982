import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/validation';
import type { Contract } from '../../engine/contract/types';
import { InvalidInputError } from '../../engine/shared/errors';
import type { KnowledgeBase } from '../../engine/som';
import { contractViolations } from '../../engine/contract/knowledge-checks';
import { ContractDto } from './dto/contract.dto';

/**
 * The checks every contract passes before it is stored, projected or compared, in three layers:
 * its shape (the DTO, as the global ValidationPipe checks a body), the contract engine's domain
 * rules, and the references into the knowledge base. Violation paths name the field as a client
 * finds it in its request: `prefix` is where the contract sits in the body ('contract',
 * 'contracts.1'), empty for a contract built from a template.
 */

/** A contract document built on the server (template + overrides) checked like a request body. */
export function parseContractDocument(document: unknown, prefix: string): Contract {
  const instance = plainToInstance(ContractDto, document);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new InvalidInputError(flattenValidationErrors(errors, prefix));
  return toContract(instance);
}

/** The validated DTO as plain data: the engine's `Contract`, and what a revision stores. */
export function toContract(dto: ContractDto): Contract {
  // The JSON round trip drops class identity and the `undefined` of absent optional fields.
  return JSON.parse(JSON.stringify(dto)) as Contract;
}

/** Throws InvalidInputError listing every domain rule and knowledge-base reference it breaks. */
export function assertValidContract(kb: KnowledgeBase, contract: Contract, prefix: string): void {
  const violations = contractViolations(kb, contract);
  if (violations.length > 0) {
    throw new InvalidInputError(
      violations.map((v) => ({ path: joinPath(prefix, dottedPath(v.path)), message: v.message })),
    );
  }
}

/** The engine writes `components[1].price`; the ValidationPipe writes `components.1.price`. */
export function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export function joinPath(prefix: string, path: string): string {
  return prefix ? `${prefix}.${path}` : path;
}
