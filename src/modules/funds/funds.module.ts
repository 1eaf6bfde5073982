import { Module } from '@nestjs/common';
import { SimulationsModule } from '../simulations/simulations.module';
import { FundsController, FundsService } from './funds.controller';

@Module({ imports: [SimulationsModule], controllers: [FundsController], providers: [FundsService] })
export class FundsModule {}
