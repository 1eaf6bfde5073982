import { Global, Module } from '@nestjs/common';
import { SerialTransactions } from './serial-transactions';

/** One write queue for the whole app: SQLite through TypeORM has a single connection. */
@Global()
@Module({ providers: [SerialTransactions], exports: [SerialTransactions] })
export class DatabaseModule {}
