import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions } from './database/database';
import { DatabaseModule } from './database/database.module';
import { ContractsModule } from './modules/contracts/contracts.module';
import { FundsModule } from './modules/funds/funds.module';
import { KnowledgeModule } from './modules/knowledge/knowledge.module';
import { NegotiationsModule } from './modules/negotiations/negotiations.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SimulationsModule } from './modules/simulations/simulations.module';
import { SomModule } from './modules/som/som.module';
import { WebPageModule } from './modules/web-page/web-page.module';

@Module({})
export class AppModule {
  /** The database path is an argument so tests run the real app on a temporary SQLite file. */
  static forDatabase(databasePath: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(databaseOptions(databasePath)),
        DatabaseModule,
        KnowledgeModule,
        SomModule,
        ContractsModule,
        SimulationsModule,
        FundsModule,
        NegotiationsModule,
        ReportsModule,
        WebPageModule,
      ],
    };
  }
}
