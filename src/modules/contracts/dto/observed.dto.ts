import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { IsMoney, IsNonNegativeNumber } from '../../../common/validation';
import { IsRecordOf, isFiniteNumber, isNonNegativeNumber } from './contract-validators';

/** Mirrors `ObservedYear`: each given value replaces the expected one. */
export class ObservedYearDto {
  @ApiProperty({ example: 1, description: 'Contract year' })
  @IsInt()
  @Min(1)
  year!: number;

  @ApiPropertyOptional() @IsOptional() @IsNonNegativeNumber() started?: number;
  @ApiPropertyOptional() @IsOptional() @IsNonNegativeNumber() dropouts?: number;
  @ApiPropertyOptional() @IsOptional() @IsNonNegativeNumber() measured?: number;
  @ApiPropertyOptional() @IsOptional() @IsNonNegativeNumber() grossSuccesses?: number;
  @ApiPropertyOptional() @IsOptional() @IsNonNegativeNumber() additionalSuccesses?: number;

  @ApiPropertyOptional({ example: '3450000' })
  @IsOptional()
  @IsMoney()
  interventionCost?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0 },
    example: { 'stable-housing-days': 41070 },
  })
  @IsOptional()
  @IsRecordOf(isNonNegativeNumber, 'a number >= 0')
  metrics?: Record<string, number>;
}

/** Mirrors `ObservedOutcomes`. */
export class ObservedOutcomesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() note?: string;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  stoppedAfterYear?: number;

  @ApiPropertyOptional({ example: '4000000' })
  @IsOptional()
  @IsMoney()
  capitalDrawn?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { threshold: 0.09 },
  })
  @IsOptional()
  @IsRecordOf(isFiniteNumber, 'a number')
  thresholdImprovement?: Record<string, number>;

  @ApiPropertyOptional({ type: () => [ObservedYearDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ObservedYearDto)
  byYear?: ObservedYearDto[];
}
