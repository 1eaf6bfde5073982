import { Module } from '@nestjs/common';
import { ContractTemplates } from './contract-templates';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { SerialTransactions } from './serial-transactions';

/** Contracts, their revisions and projections (KnowledgeModule is global). */
@Module({
  controllers: [ContractsController],
  providers: [ContractsService, ContractTemplates, SerialTransactions],
})
export class ContractsModule {}
