import type { KnowledgeBase } from '../som/types';
import type { Contract } from './types';
import { validateContract, type ContractViolation } from './validate';

/** The target group, its success measure and the price year must exist in the knowledge base. */
export function knowledgeBaseViolations(
  kb: KnowledgeBase,
  contract: Contract,
): ContractViolation[] {
  const violations: ContractViolation[] = [];
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

/** Every rule a contract breaks: its own (`validateContract`), then its knowledge-base references. */
export function contractViolations(kb: KnowledgeBase, contract: Contract): ContractViolation[] {
  return [...validateContract(contract), ...knowledgeBaseViolations(kb, contract)];
}
