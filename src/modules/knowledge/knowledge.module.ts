import { Global, Module } from '@nestjs/common';
import { KnowledgeService } from './knowledge.service';

/** Global: every module that values outcomes reads the same validated knowledge base. */
@Global()
@Module({ providers: [KnowledgeService], exports: [KnowledgeService] })
export class KnowledgeModule {}
