import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNonNegativeNumber, IsRate, IsYear } from '../../../common/validation';
import { WELFARE_AREAS, type WelfareArea } from '../../../engine/shared/actors';
import {
  DEFAULT_PRICE_YEAR,
  DEFAULT_VALUATION_HORIZON,
  MAX_VALUATION_HORIZON,
} from '../../../engine/som/defaults';

export class SuccessesInYearDto {
  @ApiProperty({ example: 2024, description: 'Calendar year in which the successes are achieved' })
  @IsYear()
  year!: number;

  @ApiProperty({
    example: 1,
    description: 'Number of successes (may be fractional in expectation)',
  })
  @IsNonNegativeNumber()
  count!: number;
}

export class ValuationRequestDto {
  @ApiProperty({ example: 'vulnerable-no-acute-psychiatric-contact' })
  @IsString()
  @IsNotEmpty()
  successMeasureId!: string;

  @ApiProperty({ type: [SuccessesInYearDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SuccessesInYearDto)
  successes!: SuccessesInYearDto[];

  @ApiPropertyOptional({
    description: 'Base year for discounting; default: the first success year',
  })
  @IsOptional()
  @IsYear()
  startYear?: number;

  @ApiPropertyOptional({
    default: DEFAULT_VALUATION_HORIZON,
    description: 'Years of consequences after each success (the published potentials use 4)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VALUATION_HORIZON)
  horizonYears?: number;

  @ApiPropertyOptional({ default: DEFAULT_PRICE_YEAR })
  @IsOptional()
  @IsYear()
  priceYear?: number;

  @ApiPropertyOptional({ description: 'Flat discount rate; default the Finance Ministry schedule' })
  @IsOptional()
  @IsRate()
  discountRate?: number;

  @ApiPropertyOptional({ enum: WELFARE_AREAS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(WELFARE_AREAS, { each: true })
  excludedAreas?: WelfareArea[];
}
