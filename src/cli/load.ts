import { loadContractTemplate } from '../data/contracts';
import { DataFileError } from '../data/json-file';
import { loadKnowledgeBase } from '../data/knowledge';
import { knowledgeBaseViolations, type Contract } from '../engine/contract';
import type { KnowledgeBase } from '../engine/som';
import { violationPathToPointer } from '../data/contracts';

/** The knowledge base, loaded once per command (and checked, see `loadKnowledgeBase`). */
let cached: KnowledgeBase | undefined;
export function knowledgeBase(): KnowledgeBase {
  cached ??= loadKnowledgeBase();
  return cached;
}

/**
 * A contract from a template id or a JSON file, checked against the knowledge base (its target
 * group, success measure and price year must exist there). Its own rules were checked as it was
 * read (`readContractFile`).
 */
export function loadContract(idOrPath: string): Contract {
  const contract = loadContractTemplate(idOrPath);
  const violations = knowledgeBaseViolations(knowledgeBase(), contract);
  if (violations.length > 0) {
    throw DataFileError.of(
      idOrPath,
      violations.map((v) => ({ path: violationPathToPointer(v.path), message: v.message })),
    );
  }
  return contract;
}
