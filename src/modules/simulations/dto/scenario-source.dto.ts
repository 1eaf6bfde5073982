import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';

/**
 * What a request runs: exactly one of an inline scenario, a scenario file from simulations/, or a
 * stored contract revision with the uncertainty to put on it, and the seed of its random streams.
 * Shared by `POST /simulations` and `POST /negotiations/solve`.
 */
export class ScenarioSourceDto {
  @ApiPropertyOptional({ description: 'A scenario as in simulations/*.json' })
  @ValidateIf((o: ScenarioSourceDto) => o.scenarioFile === undefined && o.contractId === undefined)
  @IsObject({ message: 'give one of scenario, scenarioFile or contractId' })
  scenario?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'ips-holbaek', description: 'A scenario file in simulations/' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'scenarioFile must be a scenario id such as ips-holbaek' })
  scenarioFile?: string;

  @ApiPropertyOptional({
    description: 'A stored contract (its latest revision unless revision is given)',
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

  @ApiPropertyOptional({ description: 'Seed of the random streams (string or integer)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  seed?: string;
}
