import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type, plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ContractDto } from './contract.dto';
import { ExcludesField, RequiresField } from './contract-validators';

/** A revision note says what changed and why; long enough for a paragraph, not a document. */
export const MAX_NOTE_LENGTH = 2000;
/** The negotiating table compares at least two and at most six contracts side by side. */
export const MIN_COMPARED_CONTRACTS = 2;
export const MAX_COMPARED_CONTRACTS = 6;

const OVERRIDES_DESCRIPTION =
  'Deep-merged onto the template: objects merge key by key, arrays and values replace, null removes an optional field';

/** `POST /contracts`: a full contract, or a template with overrides. */
export class CreateContractDto {
  @ApiPropertyOptional({
    type: () => ContractDto,
    description: 'The full contract (or give templateId)',
  })
  @ValidateIf((o: CreateContractDto) => o.templateId === undefined)
  @IsObject({ message: 'give either contract or templateId' })
  @ValidateNested()
  @Type(() => ContractDto)
  contract?: ContractDto;

  @ApiPropertyOptional({ example: 'ips-holbaek', description: 'A template in contracts/' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @ExcludesField('contract')
  templateId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: OVERRIDES_DESCRIPTION,
    example: { horizonYears: 8 },
  })
  @IsOptional()
  @IsObject()
  @RequiresField('templateId')
  overrides?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'First draft from the DSI template' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
}

/** `POST /contracts/:id/revisions`: the full revised contract and what changed. */
export class ReviseContractDto {
  @ApiProperty({ type: () => ContractDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContractDto)
  contract!: ContractDto;

  @ApiProperty({ example: 'Kommune asked for a rate card with a lower price per job' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NOTE_LENGTH)
  note!: string;
}

/** A stored contract at a revision (default: its latest). */
export class StoredContractReferenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsString()
  @IsNotEmpty()
  contractId!: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

/** A template, optionally with overrides. */
export class TemplateReferenceDto {
  @ApiProperty({ example: 'ips-holbaek-rate-card' })
  @IsString()
  @IsNotEmpty()
  templateId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: OVERRIDES_DESCRIPTION,
  })
  @IsOptional()
  @IsObject()
  overrides?: Record<string, unknown>;
}

export type CompareEntryDto = ContractDto | StoredContractReferenceDto | TemplateReferenceDto;

/**
 * An entry is a reference when it names `contractId` or `templateId`, else a full contract. Each
 * becomes an instance of its own class so `@ValidateNested` checks (and whitelists) it as such.
 */
function toCompareEntry(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if ('contractId' in value) return plainToInstance(StoredContractReferenceDto, value);
  if ('templateId' in value) return plainToInstance(TemplateReferenceDto, value);
  return plainToInstance(ContractDto, value);
}

/** `POST /contracts/compare`: the negotiating table. */
@ApiExtraModels(StoredContractReferenceDto, TemplateReferenceDto)
export class CompareContractsDto {
  @ApiProperty({
    type: 'array',
    minItems: MIN_COMPARED_CONTRACTS,
    maxItems: MAX_COMPARED_CONTRACTS,
    items: {
      oneOf: [
        { $ref: getSchemaPath(ContractDto) },
        { $ref: getSchemaPath(StoredContractReferenceDto) },
        { $ref: getSchemaPath(TemplateReferenceDto) },
      ],
    },
    example: [{ templateId: 'ips-holbaek' }, { templateId: 'ips-holbaek-rate-card' }],
  })
  @IsArray()
  @ArrayMinSize(MIN_COMPARED_CONTRACTS)
  @ArrayMaxSize(MAX_COMPARED_CONTRACTS)
  @ValidateNested({ each: true })
  @Transform(
    ({ obj }) => {
      const raw: unknown = (obj as { contracts?: unknown }).contracts;
      return Array.isArray(raw) ? raw.map(toCompareEntry) : raw;
    },
    { toClassOnly: true },
  )
  contracts!: CompareEntryDto[];
}
