import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One knowledge-base file as seeded: lets the API tell which version of the data it serves. */
@Entity('knowledge_file')
export class KnowledgeFileEntity {
  @PrimaryColumn() path!: string;
  @Column() sha256!: string;
  @Column({ name: 'seeded_at' }) seededAt!: string;
}

@Entity('target_group')
export class TargetGroupEntity {
  @PrimaryColumn() id!: string;
  @Column({ name: 'name_da' }) nameDa!: string;
  @Column({ name: 'name_en' }) nameEn!: string;
  @Column() description!: string;
  @Column() source!: string;
  /** The validated JSON document (items with their prices and sources). */
  @Column({ type: 'text' }) document!: string;
}

@Entity('success_measure')
export class SuccessMeasureEntity {
  @PrimaryColumn() id!: string;
  @Column({ name: 'target_group_id' }) targetGroupId!: string;
  @Column({ name: 'name_da' }) nameDa!: string;
  @Column({ name: 'name_en' }) nameEn!: string;
  @Column() description!: string;
  @Column() source!: string;
  /** The validated JSON of the measure (consequences with sources, published targets). */
  @Column({ type: 'text' }) document!: string;
}
