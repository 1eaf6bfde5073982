import { Module } from '@nestjs/common';
import { SimulationsModule } from '../simulations/simulations.module';
import { NegotiationsController } from './negotiations.controller';
import { NegotiationsService } from './negotiations.service';

/** The negotiating table's solver (scenarios are resolved as for simulations). */
@Module({
  imports: [SimulationsModule],
  controllers: [NegotiationsController],
  providers: [NegotiationsService],
})
export class NegotiationsModule {}
