import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadKnowledgeBase, knowledgeFiles } from '../../data/knowledge';
import { SerialTransactions } from '../../database/serial-transactions';
import type { KnowledgeBase } from '../../engine/som';
import { KnowledgeFileEntity, SuccessMeasureEntity, TargetGroupEntity } from './knowledge.entities';

/**
 * Loads and validates the knowledge base from `knowledge/` at start-up (a bad file stops the
 * service with the file and JSON path), then mirrors it into SQLite so the API can list it.
 * Seeding replaces the tables in one transaction, so running it again changes nothing.
 */
@Injectable()
export class KnowledgeService implements OnModuleInit {
  private knowledgeBase!: KnowledgeBase;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: SerialTransactions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.knowledgeBase = loadKnowledgeBase();
    await this.seed();
  }

  get kb(): KnowledgeBase {
    return this.knowledgeBase;
  }

  private async seed(): Promise<void> {
    const seededAt = new Date().toISOString();
    await this.transactions.run(async (manager) => {
      await manager.clear(SuccessMeasureEntity);
      await manager.clear(TargetGroupEntity);
      await manager.clear(KnowledgeFileEntity);
      for (const file of knowledgeFiles()) {
        const sha256 = createHash('sha256').update(readFileSync(file.absolutePath)).digest('hex');
        await manager.insert(KnowledgeFileEntity, { path: file.relativePath, sha256, seededAt });
      }
      for (const group of this.knowledgeBase.targetGroups) {
        await manager.insert(TargetGroupEntity, {
          id: group.id,
          nameDa: group.name.da,
          nameEn: group.name.en,
          description: group.description,
          source: group.source,
          document: JSON.stringify(group),
        });
        for (const measure of group.successMeasures) {
          await manager.insert(SuccessMeasureEntity, {
            id: measure.id,
            targetGroupId: group.id,
            nameDa: measure.name.da,
            nameEn: measure.name.en,
            description: measure.description,
            source: measure.source,
            document: JSON.stringify(measure),
          });
        }
      }
    });
  }

  listTargetGroups(): Promise<TargetGroupEntity[]> {
    return this.dataSource.getRepository(TargetGroupEntity).find({ order: { id: 'ASC' } });
  }

  listSuccessMeasures(): Promise<SuccessMeasureEntity[]> {
    return this.dataSource.getRepository(SuccessMeasureEntity).find({ order: { id: 'ASC' } });
  }

  findSuccessMeasure(id: string): Promise<SuccessMeasureEntity | null> {
    return this.dataSource.getRepository(SuccessMeasureEntity).findOneBy({ id });
  }

  listFiles(): Promise<KnowledgeFileEntity[]> {
    return this.dataSource.getRepository(KnowledgeFileEntity).find({ order: { path: 'ASC' } });
  }
}
