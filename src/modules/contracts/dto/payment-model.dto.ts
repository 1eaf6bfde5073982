import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMoney, IsRate } from '../../../common/validation';
import { PUBLIC_ACTORS, type PublicActor } from '../../../engine/shared/actors';
import type { PaymentComponent } from '../../../engine/contract/types';
import { NestedByTag, keysOf } from './contract-validators';

export const PAYMENT_COMPONENT_KINDS = keysOf<PaymentComponent['kind']>({
  rateCard: true,
  baselineAdjusted: true,
  threshold: true,
  shareOfSavings: true,
});

/** The fields every payment component has (`ComponentBase`). */
abstract class ComponentBaseDto {
  @ApiProperty({ example: 'employment' })
  @IsString()
  @IsNotEmpty()
  id!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  description?: string;

  @ApiProperty({ example: 1, description: 'Years from the measurement (or gain) year to payment' })
  @IsInt()
  @Min(0)
  paymentDelayYears!: number;

  @ApiPropertyOptional({ example: '2000000', description: "Cap on this component's payments" })
  @IsOptional()
  @IsMoney()
  cap?: string;
}

/** A price per unit of an outcome metric. */
export class RateCardComponentDto extends ComponentBaseDto {
  @ApiProperty({ enum: ['rateCard'] })
  @IsIn(['rateCard'])
  kind!: 'rateCard';

  @ApiProperty({
    example: 'additionalSuccesses',
    description: 'A count metric or an outcome metric id',
  })
  @IsString()
  @IsNotEmpty()
  metric!: string;

  @ApiProperty({ example: '150000' })
  @IsMoney()
  price!: string;
}

/** A price per success above the comparison rate. */
export class BaselineAdjustedComponentDto extends ComponentBaseDto {
  @ApiProperty({ enum: ['baselineAdjusted'] })
  @IsIn(['baselineAdjusted'])
  kind!: 'baselineAdjusted';

  @ApiProperty({ example: '150000' })
  @IsMoney()
  price!: string;

  @ApiPropertyOptional({ example: 0.24, description: "Default: the intervention's deadweightRate" })
  @IsOptional()
  @IsRate()
  comparisonRate?: number;
}

export class ThresholdPointDto {
  @ApiProperty({ example: 0.08 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  improvement!: number;

  @ApiProperty({ example: '3000000' })
  @IsMoney()
  payment!: string;
}

/** A cohort threshold with a payment schedule above it. */
export class ThresholdComponentDto extends ComponentBaseDto {
  @ApiProperty({ enum: ['threshold'] })
  @IsIn(['threshold'])
  kind!: 'threshold';

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  measurementYear!: number;

  @ApiPropertyOptional({ example: 0.24 })
  @IsOptional()
  @IsRate()
  comparisonRate?: number;

  @ApiProperty({ enum: ['percentagePoints', 'relative'] })
  @IsIn(['percentagePoints', 'relative'])
  improvement!: 'percentagePoints' | 'relative';

  @ApiProperty({ enum: ['stepped', 'linear'] })
  @IsIn(['stepped', 'linear'])
  interpolation!: 'stepped' | 'linear';

  @ApiProperty({ type: () => [ThresholdPointDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ThresholdPointDto)
  schedule!: ThresholdPointDto[];
}

/** Each payer passes on a share of its own SØM gain. */
export class ShareOfSavingsComponentDto extends ComponentBaseDto {
  @ApiProperty({ enum: ['shareOfSavings'] })
  @IsIn(['shareOfSavings'])
  kind!: 'shareOfSavings';

  @ApiProperty({ enum: PUBLIC_ACTORS, isArray: true, example: ['kommune'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PUBLIC_ACTORS, { each: true })
  payers!: PublicActor[];

  @ApiProperty({ example: 0.5 })
  @IsRate()
  shareUntilRepaid!: number;

  @ApiProperty({ example: 0.1 })
  @IsRate()
  shareAfterRepaid!: number;
}

/** Stands in for a component whose `kind` is missing or unknown, so the 400 names the kind. */
export class UnknownComponentDto {
  @IsIn(PAYMENT_COMPONENT_KINDS)
  kind!: string;
}

export type PaymentComponentDto =
  | RateCardComponentDto
  | BaselineAdjustedComponentDto
  | ThresholdComponentDto
  | ShareOfSavingsComponentDto;

export const PAYMENT_COMPONENT_DTOS = [
  RateCardComponentDto,
  BaselineAdjustedComponentDto,
  ThresholdComponentDto,
  ShareOfSavingsComponentDto,
];

export class PaymentCapsDto {
  @ApiPropertyOptional({ example: '60000', description: '× the number of participants started' })
  @IsOptional()
  @IsMoney()
  perParticipant?: string;

  @ApiPropertyOptional({ example: '3000000' })
  @IsOptional()
  @IsMoney()
  perYear?: string;

  @ApiPropertyOptional({ example: '9000000' })
  @IsOptional()
  @IsMoney()
  total?: string;
}

export class PaymentFloorsDto {
  @ApiPropertyOptional({
    example: '1000000',
    description: 'Afkastgulv: payments topped up to this total',
  })
  @IsOptional()
  @IsMoney()
  total?: string;
}

/** Mirrors `PaymentModel`: components told apart by `kind`. */
export class PaymentModelDto {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: PAYMENT_COMPONENT_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })),
      discriminator: { propertyName: 'kind' },
    },
  })
  @IsArray()
  @ValidateNested({ each: true })
  @NestedByTag(
    'kind',
    {
      rateCard: RateCardComponentDto,
      baselineAdjusted: BaselineAdjustedComponentDto,
      threshold: ThresholdComponentDto,
      shareOfSavings: ShareOfSavingsComponentDto,
    },
    UnknownComponentDto,
  )
  components!: PaymentComponentDto[];

  @ApiPropertyOptional({ type: () => PaymentCapsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentCapsDto)
  caps?: PaymentCapsDto;

  @ApiPropertyOptional({ type: () => PaymentFloorsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentFloorsDto)
  floors?: PaymentFloorsDto;
}
