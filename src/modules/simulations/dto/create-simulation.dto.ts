import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

export const MAX_HTTP_TRIALS = 2_000_000;
export const MAX_HTTP_WORKERS = 8;

/**
 * A simulation request: exactly one of an inline scenario, a scenario file from simulations/,
 * or a stored contract revision (with the uncertainty to put on it). The scenario's own content
 * is validated against its JSON Schema and the contract rules; errors name the JSON path.
 */
export class CreateSimulationDto {
  @ApiPropertyOptional({ description: 'A scenario as in simulations/*.json (contract or fund)' })
  @ValidateIf(
    (o: CreateSimulationDto) => o.scenarioFile === undefined && o.contractId === undefined,
  )
  @IsObject({ message: 'give one of scenario, scenarioFile or contractId' })
  scenario?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'ips-holbaek', description: 'A scenario file in simulations/' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'scenarioFile must be a scenario id such as ips-holbaek' })
  scenarioFile?: string;

  @ApiPropertyOptional({
    description: 'A stored contract to simulate (its latest revision unless revision is given)',
  })
  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @ApiPropertyOptional({ description: 'With contractId: the scenario uncertainty block' })
  @IsOptional()
  @IsObject()
  uncertainty?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'With contractId: the investor target IRR' })
  @IsOptional()
  @IsNumber()
  @Min(-1)
  @Max(1)
  investorTargetReturn?: number;

  @ApiPropertyOptional({ maximum: MAX_HTTP_TRIALS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HTTP_TRIALS)
  trials?: number;

  @ApiPropertyOptional({ description: 'Seed of the random streams (string or integer)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  seed?: string;

  @ApiPropertyOptional({ maximum: MAX_HTTP_WORKERS, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HTTP_WORKERS)
  workers?: number;
}
