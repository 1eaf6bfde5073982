import { Module } from '@nestjs/common';
import { ContractTemplates } from './contract-templates';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

/** Contracts, their revisions and projections (KnowledgeModule is global). */
@Module({
  controllers: [ContractsController],
  providers: [ContractsService, ContractTemplates],
  exports: [ContractsService],
})
export class ContractsModule {}
