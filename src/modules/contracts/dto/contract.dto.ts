import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsRate, IsYear } from '../../../common/validation';
import { MAX_HORIZON_YEARS, MIN_HORIZON_YEARS } from '../../../engine/contract/defaults';
import type { Contract, GainSharing, PartyRole, Provenance } from '../../../engine/contract/types';
import { PUBLIC_ACTORS, type PublicActor } from '../../../engine/shared/actors';
import { CapitalStackDto } from './capital.dto';
import { IsRecordOf, NestedByTag, isProvenance, keysOf } from './contract-validators';
import { InterventionDto } from './intervention.dto';
import { ObservedOutcomesDto } from './observed.dto';
import { PaymentModelDto } from './payment-model.dto';

const PARTY_ROLES = keysOf<PartyRole>({
  authority: true,
  investor: true,
  provider: true,
  outcomeFunder: true,
  guarantor: true,
});

/** Mirrors `Party`. */
export class PartyDto {
  @ApiProperty({ example: 'holbaek' })
  @IsString()
  @IsNotEmpty()
  id!: string;

  @ApiProperty({ example: 'Holbæk Kommune' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role!: PartyRole;

  @ApiPropertyOptional({
    enum: PUBLIC_ACTORS,
    description: 'Required for authorities and outcome funders',
  })
  @IsOptional()
  @IsIn(PUBLIC_ACTORS)
  level?: PublicActor;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsRate()
  share?: number;
}

/** Shares by public level (`Partial<Record<PublicActor, Rate>>`); that they sum to 1 is a domain rule. */
export class ActorSharesDto {
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsRate() kommune?: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsRate() region?: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsRate() stat?: number;
}

/** Outcome payments funded by fixed shares per level. */
export class FixedGainSharingDto {
  @ApiProperty({ enum: ['fixed'] })
  @IsIn(['fixed'])
  basis!: 'fixed';

  @ApiProperty({ type: () => ActorSharesDto })
  @ValidateNested()
  @Type(() => ActorSharesDto)
  shares!: ActorSharesDto;
}

/** Outcome payments funded in proportion to each level's SØM gains. */
export class SomGainsSharingDto {
  @ApiProperty({ enum: ['somGains'] })
  @IsIn(['somGains'])
  basis!: 'somGains';
}

/** Stands in for gain sharing with a missing or unknown `basis`. */
export class UnknownGainSharingDto {
  @IsIn(keysOf<GainSharing['basis']>({ fixed: true, somGains: true }))
  basis!: string;
}

/** Mirrors `Contract` (src/engine/contract/types.ts); the type checks below keep the two in step. */
export class ContractDto {
  @ApiProperty({ example: 'ips-holbaek' })
  @IsString()
  @IsNotEmpty()
  id!: string;

  @ApiProperty({ example: 'IPS in Holbæk Kommune' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  description?: string;

  @ApiProperty({ example: 2024, description: 'Calendar year of contract year 1' })
  @IsYear()
  startYear!: number;

  @ApiProperty({ example: 2024, description: 'Price year of all amounts and of the SØM gains' })
  @IsYear()
  priceYear!: number;

  @ApiProperty({ example: 6, minimum: MIN_HORIZON_YEARS, maximum: MAX_HORIZON_YEARS })
  @IsInt()
  @Min(MIN_HORIZON_YEARS)
  @Max(MAX_HORIZON_YEARS)
  horizonYears!: number;

  @ApiProperty({ type: () => [PartyDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties!: PartyDto[];

  @ApiProperty({ type: () => InterventionDto })
  @ValidateNested()
  @Type(() => InterventionDto)
  intervention!: InterventionDto;

  @ApiProperty({ enum: ['authority', 'investors'] })
  @IsIn(['authority', 'investors'])
  costBearer!: 'authority' | 'investors';

  @ApiPropertyOptional({ type: () => ActorSharesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActorSharesDto)
  authorityCostShares?: ActorSharesDto;

  @ApiPropertyOptional({ type: () => PaymentModelDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentModelDto)
  paymentModel?: PaymentModelDto;

  @ApiPropertyOptional({ type: () => CapitalStackDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CapitalStackDto)
  capital?: CapitalStackDto;

  @ApiPropertyOptional({
    oneOf: [
      { $ref: getSchemaPath(FixedGainSharingDto) },
      { $ref: getSchemaPath(SomGainsSharingDto) },
    ],
    discriminator: { propertyName: 'basis' },
  })
  @IsOptional()
  @ValidateNested()
  @NestedByTag(
    'basis',
    { fixed: FixedGainSharingDto, somGains: SomGainsSharingDto },
    UnknownGainSharingDto,
  )
  gainSharing?: FixedGainSharingDto | SomGainsSharingDto;

  @ApiPropertyOptional({ example: 0.035, description: "Default: the Finance Ministry's 3.5%" })
  @IsOptional()
  @IsRate()
  discountRate?: number;

  @ApiPropertyOptional({ type: () => ObservedOutcomesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObservedOutcomesDto)
  observed?: ObservedOutcomesDto;

  @ApiPropertyOptional({
    type: 'object',
    description: 'JSON pointer → { source?, assumption?, reason? }',
    additionalProperties: {
      type: 'object',
      properties: {
        source: { type: 'string' },
        assumption: { type: 'boolean' },
        reason: { type: 'string' },
      },
    },
  })
  @IsOptional()
  @IsObject()
  @IsRecordOf(isProvenance, '{ source?, assumption?, reason? }')
  sources?: Record<string, Provenance>;
}

/** Extra models the OpenAPI document needs for the `oneOf` references above. */
export const CONTRACT_EXTRA_MODELS = [FixedGainSharingDto, SomGainsSharingDto];

/*
 * Compile-time mirror check: a Contract is a ContractDto and back, so a required field added to
 * either type, or a changed field type, fails type-checking here (an optional field missing from
 * the DTO is not caught: the pipe then rejects it as unknown, and the e2e tests post templates).
 */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractDtoMirrorsContract: Mutual<ContractDto, Contract> = true;
void contractDtoMirrorsContract;
