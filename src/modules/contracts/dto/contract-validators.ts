import { Transform, plainToInstance, type ClassConstructor } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import {
  ArrayMinSize,
  IsArray,
  IsNumber,
  Max,
  Min,
  ValidateBy,
  buildMessage,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/**
 * Validation rules the contract DTOs repeat, beyond the shared ones in src/common/validation.ts.
 * JSON numbers arrive as numbers, so nothing here coerces a string into a number.
 */

const FINITE = { allowNaN: false, allowInfinity: false };

/** A non-empty list of rates or shares, each in [0, 1] (whether they sum to 1 is a domain rule). */
export const IsRateList = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    IsNumber(FINITE, { each: true }),
    Min(0, { each: true }),
    Max(1, { each: true }),
  );

/** A list of non-negative finite numbers. */
export const IsNonNegativeList = () =>
  applyDecorators(IsArray(), IsNumber(FINITE, { each: true }), Min(0, { each: true }));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRate(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** `outcomeLagYears`: a whole number of years ≥ 0, or a non-empty distribution of shares by lag. */
export const IsOutcomeLag = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isOutcomeLag',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isInteger(value) && value >= 0) ||
          (Array.isArray(value) && value.length > 0 && value.every(isRate)),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a whole number of years >= 0 or a list of shares in [0, 1] by lag year`,
          options,
        ),
      },
    },
    options,
  );

/** An object used as a map whose every value passes `check` (e.g. metric id → units). */
export const IsRecordOf = (
  check: (value: unknown) => boolean,
  expected: string,
  options?: ValidationOptions,
) =>
  ValidateBy(
    {
      name: 'isRecordOf',
      validator: {
        validate: (value: unknown) => isPlainObject(value) && Object.values(value).every(check),
        defaultMessage: buildMessage((each, args?: ValidationArguments) => {
          const value: unknown = args?.value;
          if (!isPlainObject(value)) return `${each}$property must be an object of ${expected}`;
          const bad = Object.keys(value).filter((key) => !check(value[key]));
          return `${each}$property must map each key to ${expected}; not so for ${bad.join(', ')}`;
        }, options),
      },
    },
    options,
  );

export const isFiniteNumber = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value);
export const isNonNegativeNumber = (value: unknown) =>
  isFiniteNumber(value) && (value as number) >= 0;

const PROVENANCE_KEYS: Record<string, (value: unknown) => boolean> = {
  source: (value) => typeof value === 'string',
  assumption: (value) => typeof value === 'boolean',
  reason: (value) => typeof value === 'string',
};

/** A template's provenance entry: `{ source?, assumption?, reason? }` and nothing else. */
export const isProvenance = (value: unknown) =>
  isPlainObject(value) &&
  Object.entries(value).every(
    ([key, v]) => PROVENANCE_KEYS[key] !== undefined && PROVENANCE_KEYS[key](v),
  );

/** The other field must be given too (e.g. `overrides` only with `templateId`). */
export const RequiresField = (other: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'requiresField',
      constraints: [other],
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) =>
          (args?.object as Record<string, unknown>)[other] !== undefined,
        defaultMessage: buildMessage(
          (each) => `${each}$property is only allowed with ${other}`,
          options,
        ),
      },
    },
    options,
  );

/** The other field must be absent (e.g. `templateId` and `contract` exclude each other). */
export const ExcludesField = (other: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'excludesField',
      constraints: [other],
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) =>
          (args?.object as Record<string, unknown>)[other] === undefined,
        defaultMessage: buildMessage(
          (each) => `${each}$property and ${other} exclude each other: give one of them`,
          options,
        ),
      },
    },
    options,
  );

/**
 * Builds a tagged union member by its tag (the `kind` of a payment component, the `basis` of gain
 * sharing) so `@ValidateNested` checks it against its own class. An unknown tag becomes an instance
 * of `unknownTag` holding only the tag, so the 400 names the tag rather than every other field.
 * Used instead of class-transformer's `discriminator`, which throws on a `null` array element.
 */
export function NestedByTag(
  tag: string,
  members: Record<string, ClassConstructor<object>>,
  unknownTag: ClassConstructor<object>,
) {
  const toInstance = (value: unknown): unknown => {
    if (!isPlainObject(value)) return value;
    const name = value[tag];
    const member =
      typeof name === 'string' && Object.hasOwn(members, name) ? members[name] : undefined;
    return member ? plainToInstance(member, value) : plainToInstance(unknownTag, { [tag]: name });
  };
  return Transform(
    ({ obj, key }) => {
      const raw: unknown = (obj as Record<string, unknown>)[key];
      return Array.isArray(raw) ? raw.map(toInstance) : toInstance(raw);
    },
    { toClassOnly: true },
  );
}

/** The keys of a record type as a list, checked by the compiler to be complete. */
export function keysOf<K extends string>(record: Record<K, true>): K[] {
  return Object.keys(record) as K[];
}
