import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { ContractReportsController } from './contract-reports.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Printable reports and workbooks of simulation runs (issue 8). */
@Module({
  imports: [SimulationsModule, ContractsModule],
  controllers: [ReportsController, ContractReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
