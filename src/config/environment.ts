import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import * as path from 'node:path';

/** The environment variables the service reads, checked at start-up like any other input. */
class EnvironmentVariables {
  @IsOptional()
  @IsString()
  @MinLength(1)
  DSI_DATABASE?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;
}

/** An environment variable with a value the service cannot use (the CLI exits with code 2). */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export interface Settings {
  /** SQLite file; created with its folder on first start. */
  databasePath: string;
  port: number;
}

export const DEFAULT_DATABASE_PATH = 'data/dsi.sqlite';
export const DEFAULT_PORT = 3000;

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = plainToInstance(EnvironmentVariables, {
    DSI_DATABASE: env.DSI_DATABASE,
    PORT: env.PORT,
  });
  const errors = validateSync(parsed);
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new ConfigurationError(`invalid environment: ${lines.join('; ')}`);
  }
  return {
    databasePath: path.resolve(parsed.DSI_DATABASE ?? DEFAULT_DATABASE_PATH),
    port: parsed.PORT ?? DEFAULT_PORT,
  };
}
