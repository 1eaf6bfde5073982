import type { Contract } from '../../engine/contract/types';
import type { ContractEntity, ContractRevisionEntity } from './contract.entities';

/** Responses are built here, never by returning entities. */

/** A contract in the list: who it is and how many revisions it has. */
export function toContractSummaryResponse(entity: ContractEntity) {
  return {
    id: entity.id,
    name: entity.name,
    createdAt: entity.createdAt,
    latestRevision: entity.latestRevision,
  };
}

/** A revision in a contract's history, without its document. */
export function toRevisionSummaryResponse(revision: ContractRevisionEntity) {
  const document = JSON.parse(revision.document) as Contract;
  return {
    revision: revision.revision,
    name: document.name,
    note: revision.note,
    createdAt: revision.createdAt,
  };
}

/** A contract at one revision (the latest unless a revision was asked for), with its document. */
export function toContractResponse(entity: ContractEntity, revision: ContractRevisionEntity) {
  return {
    ...toContractSummaryResponse(entity),
    revision: revision.revision,
    note: revision.note,
    revisedAt: revision.createdAt,
    contract: JSON.parse(revision.document) as Contract,
  };
}

export type ContractResponse = ReturnType<typeof toContractResponse>;
