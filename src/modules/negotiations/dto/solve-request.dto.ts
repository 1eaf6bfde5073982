import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LEVER_NAMES, type LeverName } from '../../../engine/negotiation';
import { ScenarioSourceDto } from '../../simulations/dto/scenario-source.dto';
import { AgreementConditionsDto } from './conditions.dto';

/** Every candidate is a full Monte Carlo: 2.000 trials each by default (see `dsi solve`). */
export const DEFAULT_SOLVE_TRIALS = 2000;
/** A request blocks until it is solved; these bounds keep one request to about a minute. */
export const MAX_SOLVE_TRIALS = 50_000;
export const MAX_GRID_POINTS = 51;
export const MAX_SOLVE_WORKERS = 8;
export const SOLVE_METHODS = ['monteCarlo', 'deterministic'] as const;

export class LeverDto {
  @ApiProperty({ enum: LEVER_NAMES, example: 'pricePerOutcome' })
  @IsIn(LEVER_NAMES)
  name!: LeverName;

  @ApiPropertyOptional({ example: 0, description: 'Lower end of the range (default per lever)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  min?: number;

  @ApiPropertyOptional({
    example: 600000,
    description: 'Upper end of the range (default per lever)',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  max?: number;

  @ApiPropertyOptional({ description: 'pricePerOutcome only: the one component to price' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  component?: string;
}

/**
 * `POST /negotiations/solve`: a contract scenario (inline, a file in simulations/, or a stored
 * contract with the uncertainty to put on it), one lever (the zone of agreement) or two (a map),
 * and each party's conditions.
 */
export class SolveRequestDto extends ScenarioSourceDto {
  @ApiProperty({ type: () => LeverDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LeverDto)
  lever!: LeverDto;

  @ApiPropertyOptional({
    type: () => LeverDto,
    description: 'A second lever: a 2-D map instead of a zone',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LeverDto)
  lever2?: LeverDto;

  @ApiProperty({
    type: () => AgreementConditionsDto,
    example: { investor: { minExpectedIrr: 0.04 }, kommune: { maxNetNegativeProbability: 0.2 } },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementConditionsDto)
  conditions!: AgreementConditionsDto;

  @ApiPropertyOptional({ enum: SOLVE_METHODS, default: 'monteCarlo' })
  @IsOptional()
  @IsIn(SOLVE_METHODS)
  method?: (typeof SOLVE_METHODS)[number];

  @ApiPropertyOptional({ default: DEFAULT_SOLVE_TRIALS, maximum: MAX_SOLVE_TRIALS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SOLVE_TRIALS)
  trials?: number;

  @ApiPropertyOptional({ maximum: MAX_SOLVE_WORKERS, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SOLVE_WORKERS)
  workers?: number;

  @ApiPropertyOptional({
    description: 'Grid values per lever (default 21; 11 for a map)',
    maximum: MAX_GRID_POINTS,
  })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(MAX_GRID_POINTS)
  gridPoints?: number;

  @ApiPropertyOptional({ description: 'Width within which each zone end is found (lever units)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  tolerance?: number;
}
