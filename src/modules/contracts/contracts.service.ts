import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  compareProjections,
  projectContract,
  projectionToJson,
  type Contract,
} from '../../engine/contract';
import { UnknownIdError } from '../../engine/shared/errors';
import { gainProfile } from '../../engine/som';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { ContractEntity, ContractRevisionEntity } from './contract.entities';
import { assertValidContract, toContract } from './contract-checks';
import { ContractTemplates } from './contract-templates';
import { SerialTransactions } from '../../database/serial-transactions';
import type {
  CompareContractsDto,
  CreateContractDto,
  ReviseContractDto,
} from './dto/contract-requests.dto';
import {
  toContractResponse,
  toContractSummaryResponse,
  toRevisionSummaryResponse,
} from './contracts.mapper';

/**
 * Contracts and their revisions. Every change is a new revision; no revision is ever changed or
 * deleted. Every write runs in one transaction (one at a time, see SerialTransactions), so a failed
 * request leaves the database as it was.
 */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly knowledge: KnowledgeService,
    private readonly templates: ContractTemplates,
    private readonly transactions: SerialTransactions,
  ) {}

  listTemplates() {
    return this.templates.list();
  }

  async create(request: CreateContractDto) {
    const { contract, note } = this.resolveCreateRequest(request);
    const now = new Date().toISOString();
    const id = randomUUID();
    const [entity, revision] = await this.transactions.run(async (manager) => {
      const created: ContractEntity = {
        id,
        name: contract.name,
        createdAt: now,
        latestRevision: 1,
      };
      await manager.insert(ContractEntity, created);
      const first = await this.insertRevision(manager, id, 1, contract, note, now);
      return [created, first] as const;
    });
    return toContractResponse(entity, revision);
  }

  async list() {
    const contracts = await this.dataSource
      .getRepository(ContractEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return contracts.map(toContractSummaryResponse);
  }

  async get(id: string, revisionNumber?: number) {
    const entity = await this.findContract(this.dataSource.manager, id);
    const revision = await this.findRevision(entity, revisionNumber ?? entity.latestRevision);
    return toContractResponse(entity, revision);
  }

  async listRevisions(id: string) {
    const entity = await this.findContract(this.dataSource.manager, id);
    const revisions = await this.dataSource
      .getRepository(ContractRevisionEntity)
      .find({ where: { contractId: entity.id }, order: { revision: 'ASC' } });
    return revisions.map(toRevisionSummaryResponse);
  }

  /** Stores the revised contract as revision latest + 1; the earlier revisions stay as they were. */
  async revise(id: string, request: ReviseContractDto) {
    const contract = toContract(request.contract);
    assertValidContract(this.knowledge.kb, contract, 'contract');
    const now = new Date().toISOString();
    const [entity, revision] = await this.transactions.run(async (manager) => {
      const current = await this.findContract(manager, id);
      const next = current.latestRevision + 1;
      const stored = await this.insertRevision(manager, id, next, contract, request.note, now);
      // Only moves the pointer if no other request moved it first (then the whole write is undone).
      const moved = await manager.update(
        ContractEntity,
        { id, latestRevision: current.latestRevision },
        { latestRevision: next, name: contract.name },
      );
      if (moved.affected !== 1) {
        throw new ConflictException(`contract '${id}' was revised by another request; try again`);
      }
      return [{ ...current, latestRevision: next, name: contract.name }, stored] as const;
    });
    return toContractResponse(entity, revision);
  }

  /** The engine's projection of a stored contract at a revision (default: the latest). */
  async project(id: string, revisionNumber?: number) {
    const { contract } = await this.get(id, revisionNumber);
    return projectionToJson(this.projection(contract));
  }

  /** The negotiating table: the same intervention under different payment models, side by side. */
  async compare(request: CompareContractsDto) {
    const entries = await Promise.all(
      request.contracts.map((entry, index) => this.resolveCompareEntry(entry, index)),
    );
    const labels = uniqueLabels(entries.map((entry) => entry.label));
    return compareProjections(
      entries.map((entry, index) => ({
        label: labels[index],
        projection: this.projection(entry.contract),
      })),
    );
  }

  private projection(contract: Contract) {
    const gains = gainProfile(this.knowledge.kb, contract.intervention.successMeasureId, {
      priceYear: contract.priceYear,
      years: contract.horizonYears,
    });
    return projectContract(contract, gains);
  }

  private resolveCreateRequest(request: CreateContractDto): { contract: Contract; note: string } {
    if (request.contract) {
      const contract = toContract(request.contract);
      assertValidContract(this.knowledge.kb, contract, 'contract');
      return { contract, note: request.note ?? 'created' };
    }
    const templateId = request.templateId as string;
    const contract = this.templates.resolve(templateId, request.overrides, '');
    assertValidContract(this.knowledge.kb, contract, '');
    const overridden = request.overrides
      ? ` with overrides of ${Object.keys(request.overrides).join(', ')}`
      : '';
    return { contract, note: request.note ?? `created from template '${templateId}'${overridden}` };
  }

  private async resolveCompareEntry(
    entry: CompareContractsDto['contracts'][number],
    index: number,
  ): Promise<{ label: string; contract: Contract }> {
    const prefix = `contracts.${index}`;
    if ('contractId' in entry) {
      const stored = await this.get(entry.contractId, entry.revision);
      return { label: `${stored.name} (revision ${stored.revision})`, contract: stored.contract };
    }
    if ('templateId' in entry) {
      const contract = this.templates.resolve(entry.templateId, entry.overrides, prefix);
      assertValidContract(this.knowledge.kb, contract, prefix);
      return {
        label: entry.overrides ? `${entry.templateId} (with overrides)` : entry.templateId,
        contract,
      };
    }
    const contract = toContract(entry);
    assertValidContract(this.knowledge.kb, contract, prefix);
    return { label: contract.id, contract };
  }

  private async insertRevision(
    manager: EntityManager,
    contractId: string,
    revision: number,
    contract: Contract,
    note: string,
    createdAt: string,
  ): Promise<ContractRevisionEntity> {
    const entity: ContractRevisionEntity = {
      contractId,
      revision,
      document: JSON.stringify(contract),
      note,
      createdAt,
    };
    await manager.insert(ContractRevisionEntity, entity);
    return entity;
  }

  private async findContract(manager: EntityManager, id: string): Promise<ContractEntity> {
    const entity = await manager.findOneBy(ContractEntity, { id });
    if (!entity) throw new UnknownIdError('contract', id);
    return entity;
  }

  private async findRevision(
    entity: ContractEntity,
    revision: number,
  ): Promise<ContractRevisionEntity> {
    const found = await this.dataSource
      .getRepository(ContractRevisionEntity)
      .findOneBy({ contractId: entity.id, revision });
    if (!found) {
      throw new UnknownIdError('contract revision', `${entity.id}/revisions/${revision}`);
    }
    return found;
  }
}

/** Column labels must tell the models apart: a repeated label gets its position appended. */
function uniqueLabels(labels: string[]): string[] {
  return labels.map((label, index) =>
    labels.indexOf(label) === labels.lastIndexOf(label) ? label : `${label} #${index + 1}`,
  );
}
