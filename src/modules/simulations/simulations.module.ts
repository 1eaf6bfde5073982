import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module';
import { ScenarioExecutor } from './scenario-executor';
import { ScenarioRequests } from './scenario-requests';
import { SimulationRunEntity } from './simulation-run.entity';
import { SimulationsController } from './simulations.controller';
import { SimulationsService } from './simulations.service';

@Module({
  imports: [TypeOrmModule.forFeature([SimulationRunEntity]), ContractsModule],
  controllers: [SimulationsController],
  providers: [SimulationsService, ScenarioExecutor, ScenarioRequests],
  exports: [SimulationsService, ScenarioRequests],
})
export class SimulationsModule {}
