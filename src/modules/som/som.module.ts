import { Module } from '@nestjs/common';
import { SomController } from './som.controller';
import { SomService } from './som.service';

@Module({ controllers: [SomController], providers: [SomService] })
export class SomModule {}
