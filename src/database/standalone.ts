import { DataSource } from 'typeorm';
import { databaseOptions } from './database';

/**
 * The database without Nest, for `dsi simulate --save`: the same entities and migrations as the
 * service, so a run saved from the shell is listed by `GET /simulations/:id`.
 */
export async function openDatabase(databasePath: string): Promise<DataSource> {
  const options = databaseOptions(databasePath) as ConstructorParameters<typeof DataSource>[0];
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
