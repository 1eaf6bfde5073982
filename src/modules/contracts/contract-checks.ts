import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type Violation } from '../../common/validation';
import { validateContract } from '../../engine/contract/validate';
import type { Contract } from '../../engine/contract/types';
import { InvalidInputError } from '../../engine/shared/errors';
import type { KnowledgeBase } from '../../engine/som';
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
  const violations = [...validateContract(contract), ...knowledgeBaseViolations(kb, contract)];
  if (violations.length > 0) {
    throw new InvalidInputError(
      violations.map((v) => ({ path: joinPath(prefix, dottedPath(v.path)), message: v.message })),
    );
  }
}

/** The target group, its success measure and the price year must exist in the knowledge base. */
export function knowledgeBaseViolations(kb: KnowledgeBase, contract: Contract): Violation[] {
  const violations: Violation[] = [];
  const { targetGroupId, successMeasureId } = contract.intervention;
  const group = kb.targetGroups.find((g) => g.id === targetGroupId);
  if (!group) {
    const known = kb.targetGroups.map((g) => g.id).join(', ');
    violations.push({
      path: 'intervention.targetGroupId',
      message: `unknown target group '${targetGroupId}'; the knowledge base has ${known}`,
    });
  }
  const owner = kb.targetGroups.find((g) =>
    g.successMeasures.some((m) => m.id === successMeasureId),
  );
  if (!owner) {
    const known = (group ?? { successMeasures: [] }).successMeasures.map((m) => m.id);
    violations.push({
      path: 'intervention.successMeasureId',
      message:
        `unknown success measure '${successMeasureId}'` +
        (known.length > 0 ? `; target group '${targetGroupId}' has ${known.join(', ')}` : ''),
    });
  } else if (group && owner.id !== group.id) {
    violations.push({
      path: 'intervention.successMeasureId',
      message: `success measure '${successMeasureId}' belongs to target group '${owner.id}', not '${targetGroupId}'`,
    });
  }
  const indexYears = kb.parameters.priceIndex.map((p) => p.year);
  if (!indexYears.includes(contract.priceYear)) {
    violations.push({
      path: 'priceYear',
      message: `no price index for ${contract.priceYear}; the knowledge base covers ${Math.min(...indexYears)}–${Math.max(...indexYears)}`,
    });
  }
  return violations;
}

/** The engine writes `components[1].price`; the ValidationPipe writes `components.1.price`. */
export function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export function joinPath(prefix: string, path: string): string {
  return prefix ? `${prefix}.${path}` : path;
}
