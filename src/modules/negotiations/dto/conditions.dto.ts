import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsRate, IsYear } from '../../../common/validation';

/** Lowest and highest yearly IRR a hurdle may name (−100% is a total loss). */
export const MIN_IRR_HURDLE = -1;
export const MAX_IRR_HURDLE = 1;

/** An amount in kroner that may be negative ("-250000", "1000000.50"): a floor on a net position. */
const SIGNED_MONEY = /^-?\d{1,15}(\.\d{1,2})?$/;

/** Conditions every party may state (see src/engine/negotiation/types.ts for their meaning). */
class CommonConditionsDto {
  @ApiPropertyOptional({
    example: 2028,
    description: 'The median cumulative net is ≥ 0 from this calendar year to the horizon',
  })
  @IsOptional()
  @IsYear()
  breakEvenByYear?: number;

  @ApiPropertyOptional({
    example: '0',
    description: 'The mean cumulative net at the horizon is at least this (kroner)',
  })
  @IsOptional()
  @IsString()
  @Matches(SIGNED_MONEY, {
    message: '$property must be an amount in kroner as a string with at most 2 decimals',
  })
  minExpectedNet?: string;
}

export class PublicLevelConditionsDto extends CommonConditionsDto {
  @ApiPropertyOptional({ example: 0.2, description: 'P(cumulative net at the horizon < 0) ≤ this' })
  @IsOptional()
  @IsRate()
  maxNetNegativeProbability?: number;
}

export class InvestorConditionsDto extends CommonConditionsDto {
  @ApiPropertyOptional({
    example: 0.04,
    description: 'Mean IRR over the trials ≥ this yearly rate',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_IRR_HURDLE)
  @Max(MAX_IRR_HURDLE)
  minExpectedIrr?: number;

  @ApiPropertyOptional({ example: 0.1, description: 'P(money multiple < 1) ≤ this' })
  @IsOptional()
  @IsRate()
  maxLossProbability?: number;
}

export class ProviderConditionsDto extends CommonConditionsDto {
  @ApiPropertyOptional({ example: true, description: 'Mean revenue covers the intervention cost' })
  @IsOptional()
  @IsBoolean()
  @Equals(true, { message: '$property must be true (leave it out for no condition)' })
  revenueCoversBudget?: boolean;
}

/** What each party requires; every stated field is one condition. */
export class AgreementConditionsDto {
  @ApiPropertyOptional({ type: () => PublicLevelConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicLevelConditionsDto)
  kommune?: PublicLevelConditionsDto;

  @ApiPropertyOptional({ type: () => PublicLevelConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicLevelConditionsDto)
  region?: PublicLevelConditionsDto;

  @ApiPropertyOptional({ type: () => PublicLevelConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicLevelConditionsDto)
  stat?: PublicLevelConditionsDto;

  @ApiPropertyOptional({ type: () => InvestorConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InvestorConditionsDto)
  investor?: InvestorConditionsDto;

  @ApiPropertyOptional({ type: () => ProviderConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProviderConditionsDto)
  provider?: ProviderConditionsDto;
}
