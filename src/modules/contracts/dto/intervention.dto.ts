import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMoney, IsNonNegativeNumber, IsRate } from '../../../common/validation';
import { COUNT_METRICS, type CountMetric } from '../../../engine/contract/types';
import { IsNonNegativeList, IsOutcomeLag, IsRateList } from './contract-validators';

/** Mirrors `OutcomeMetric` (src/engine/contract/types.ts). */
export class OutcomeMetricDto {
  @ApiProperty({ example: 'stable-housing-days' })
  @IsString()
  @IsNotEmpty()
  id!: string;

  @ApiProperty({ example: 'Days of stable housing' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: 'day' })
  @IsString()
  @IsNotEmpty()
  unit!: string;

  @ApiProperty({ enum: COUNT_METRICS, description: 'The count that generates the units' })
  @IsIn(COUNT_METRICS)
  basis!: CountMetric;

  @ApiProperty({
    type: [Number],
    example: [180, 365],
    description: 'Units per basis count in the basis year (index 0) and each year after it',
  })
  @IsNonNegativeList()
  unitsPerCount!: number[];
}

/** Mirrors `InterventionCost`: exactly one of perParticipant and total (a domain rule). */
export class InterventionCostDto {
  @ApiPropertyOptional({ example: '38333.33', description: 'Kroner per participant started' })
  @IsOptional()
  @IsMoney()
  perParticipant?: string;

  @ApiPropertyOptional({ example: '6900000', description: 'Kroner in total' })
  @IsOptional()
  @IsMoney()
  total?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [0.5, 0.5],
    description:
      'Share of the cost spent in contract year 1, 2, … (default: as participants start)',
  })
  @IsOptional()
  @IsRateList()
  spending?: number[];
}

/** Mirrors `Intervention` (indsats). */
export class InterventionDto {
  @ApiProperty({
    example: 'sick-listed-mental-illness',
    description: 'A target group in the knowledge base',
  })
  @IsString()
  @IsNotEmpty()
  targetGroupId!: string;

  @ApiProperty({
    example: 'sick-listed-employment',
    description: 'A success measure of that target group',
  })
  @IsString()
  @IsNotEmpty()
  successMeasureId!: string;

  @ApiProperty({ example: 180 })
  @IsNonNegativeNumber()
  participants!: number;

  @ApiProperty({
    type: [Number],
    example: [0.5, 0.5],
    description: 'Share starting in year 1, 2, …',
  })
  @IsRateList()
  intake!: number[];

  @ApiProperty({ type: () => InterventionCostDto })
  @ValidateNested()
  @Type(() => InterventionCostDto)
  cost!: InterventionCostDto;

  @ApiProperty({ example: 2, description: 'Contract years in which the intervention runs' })
  @IsInt()
  @Min(1)
  interventionYears!: number;

  @ApiProperty({ example: 0.4, description: 'Share of completers who succeed' })
  @IsRate()
  grossSuccessRate!: number;

  @ApiProperty({
    example: 0.24,
    description: 'Dødvægt: share of completers who would succeed anyway',
  })
  @IsRate()
  deadweightRate!: number;

  @ApiProperty({ example: 0.1, description: 'Frafald: share of participants who drop out' })
  @IsRate()
  dropoutRate!: number;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0 },
      { type: 'array', items: { type: 'number' } },
    ],
    example: 1,
    description: 'Years from start to measurement, or shares measured at lag 0, 1, …',
  })
  @IsOutcomeLag()
  outcomeLagYears!: number | number[];

  @ApiPropertyOptional({
    example: 0.05,
    description: 'Yearly share of additional successes that relapse',
  })
  @IsOptional()
  @IsRate()
  relapseRate?: number;

  @ApiPropertyOptional({ type: () => [OutcomeMetricDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OutcomeMetricDto)
  outcomeMetrics?: OutcomeMetricDto[];
}
