import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs the app's writes one at a time (every module uses it). TypeORM's SQLite driver has a single connection
 * and a single query runner, so two transactions started at once nest into each other (savepoints
 * of one request rolled back by another): concurrent revisions failed with 500s before this queue.
 * A failed transaction rolls back and the queue moves on.
 */
@Injectable()
export class SerialTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.dataSource.transaction(work);
    const result = this.tail.then(transaction, transaction);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
