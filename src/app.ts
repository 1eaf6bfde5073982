import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { DomainErrorsFilter } from './common/domain-errors.filter';
import { createValidationPipe } from './common/validation';
import { SOFTWARE_VERSION } from './version';

/** Builds the configured app; `main.ts`, `dsi serve` and the end-to-end tests all start here. */
export async function createApp(databasePath: string): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forDatabase(databasePath), {
    logger: ['error', 'warn'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('DSI simulator')
      .setDescription('Outcome-based social investment contracts, Monte Carlo and SØM valuation')
      .setVersion(SOFTWARE_VERSION)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
