import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
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
import type {
  CapitalStack,
  RepaymentTerms,
  TrancheSeniority,
} from '../../../engine/contract/types';
import { IsRateList } from './contract-validators';

/** Mirrors `Tranche`. */
export class TrancheDto {
  @ApiProperty({ example: 'senior' })
  @IsString()
  @IsNotEmpty()
  id!: string;

  @ApiProperty({ enum: ['senior', 'subordinate'] })
  @IsIn(['senior', 'subordinate'])
  seniority!: TrancheSeniority;

  @ApiProperty({ example: 1, description: 'Share of every draw (all tranches sum to 1)' })
  @IsRate()
  share!: number;

  @ApiProperty({ example: 0.05 })
  @IsRate()
  interestRate!: number;
}

/** Mirrors `RepaymentTerms`. */
export class RepaymentTermsDto {
  @ApiProperty({ enum: ['scheduled', 'asEarned'] })
  @IsIn(['scheduled', 'asEarned'])
  mode!: RepaymentTerms['mode'];

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  startAfterYears?: number;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  overYears?: number;
}

/** Afkastloft. */
export class ReturnCapDto {
  @ApiPropertyOptional({
    example: 1.5,
    description: 'Receipts never exceed this multiple of capital drawn',
  })
  @IsOptional()
  @IsNonNegativeNumber()
  multiple?: number;

  @ApiPropertyOptional({
    example: 0.08,
    description: 'Nor the capital drawn compounded at this rate',
  })
  @IsOptional()
  @IsRate()
  annualRate?: number;
}

/** Underskudsgaranti. */
export class FirstLossCoverDto {
  @ApiProperty({ example: 'foundation' })
  @IsString()
  @IsNotEmpty()
  guarantorPartyId!: string;

  @ApiPropertyOptional({ example: '3000000' })
  @IsOptional()
  @IsMoney()
  maxAmount?: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsRate()
  share?: number;
}

export class PrincipalProtectionDto {
  @ApiProperty({ example: 0.7 })
  @IsRate()
  share!: number;

  @ApiProperty({ example: 'holbaek' })
  @IsString()
  @IsNotEmpty()
  byPartyId!: string;
}

const EXCESS_PAYMENTS: NonNullable<CapitalStack['excessPayments']>[] = [
  'toInvestors',
  'toProvider',
  'notPaid',
];

/** Mirrors `CapitalStack`. */
export class CapitalStackDto {
  @ApiProperty({ example: '6900000' })
  @IsMoney()
  commitment!: string;

  @ApiPropertyOptional({ type: [Number], example: [0.5, 0.5] })
  @IsOptional()
  @IsRateList()
  drawdown?: number[];

  @ApiProperty({ type: () => [TrancheDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => TrancheDto)
  tranches!: TrancheDto[];

  @ApiPropertyOptional({ type: () => RepaymentTermsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RepaymentTermsDto)
  repayment?: RepaymentTermsDto;

  @ApiPropertyOptional({ type: () => ReturnCapDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReturnCapDto)
  returnCap?: ReturnCapDto;

  @ApiPropertyOptional({ enum: EXCESS_PAYMENTS })
  @IsOptional()
  @IsIn(EXCESS_PAYMENTS)
  excessPayments?: CapitalStack['excessPayments'];

  @ApiPropertyOptional({ type: () => FirstLossCoverDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstLossCoverDto)
  firstLoss?: FirstLossCoverDto;

  @ApiPropertyOptional({ type: () => PrincipalProtectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrincipalProtectionDto)
  principalProtection?: PrincipalProtectionDto;
}
