import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A contract under negotiation: its identity and a pointer to its newest revision. The contract
 * itself lives in its revisions, which are never changed or deleted.
 */
@Entity('contract')
export class ContractEntity {
  @PrimaryColumn() id!: string;
  /** The name in the latest revision (kept here so the list needs no join). */
  @Column() name!: string;
  @Column({ name: 'created_at' }) createdAt!: string;
  @Column({ name: 'latest_revision', type: 'integer' }) latestRevision!: number;
}

/** One immutable version of a contract: the full document as it stood, and what changed. */
@Entity('contract_revision')
export class ContractRevisionEntity {
  @PrimaryColumn({ name: 'contract_id' }) contractId!: string;
  /** 1 for the first version, then 2, 3, … */
  @PrimaryColumn({ type: 'integer' }) revision!: number;
  /** The validated contract document (src/engine/contract/types.ts `Contract`), JSON. */
  @Column({ type: 'text' }) document!: string;
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'created_at' }) createdAt!: string;
}
