import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ScenarioSourceDto } from './scenario-source.dto';

export const MAX_HTTP_TRIALS = 2_000_000;
export const MAX_HTTP_WORKERS = 8;

/**
 * A simulation request: exactly one of an inline scenario, a scenario file from simulations/,
 * or a stored contract revision (with the uncertainty to put on it). The scenario's own content
 * is validated against its JSON Schema and the contract rules; errors name the JSON path.
 */
export class CreateSimulationDto extends ScenarioSourceDto {
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

  @ApiPropertyOptional({ maximum: MAX_HTTP_WORKERS, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HTTP_WORKERS)
  workers?: number;
}
