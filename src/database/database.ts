import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  KnowledgeFileEntity,
  SuccessMeasureEntity,
  TargetGroupEntity,
} from '../modules/knowledge/knowledge.entities';
import { Knowledge1732300000000 } from './migrations/1732300000000-knowledge';
import { ContractEntity, ContractRevisionEntity } from '../modules/contracts/contract.entities';
import { Contracts1732300000002 } from './migrations/1732300000002-contracts';
import { SimulationRuns1732300000001 } from './migrations/1732300000001-simulation-runs';
import { SimulationRunEntity } from '../modules/simulations/simulation-run.entity';

/** Every entity and migration, listed once (no globs: they break between src/ and dist/). */
export const ENTITIES = [
  KnowledgeFileEntity,
  TargetGroupEntity,
  SuccessMeasureEntity,
  ContractEntity,
  ContractRevisionEntity,
  SimulationRunEntity,
];
export const MIGRATIONS = [
  Knowledge1732300000000,
  SimulationRuns1732300000001,
  Contracts1732300000002,
];

/** SQLite file through `sqlite3`; the schema comes from migrations run at start-up. */
export function databaseOptions(databasePath: string): TypeOrmModuleOptions {
  mkdirSync(path.dirname(databasePath), { recursive: true });
  return {
    type: 'sqlite',
    database: databasePath,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: ['error'],
  };
}
