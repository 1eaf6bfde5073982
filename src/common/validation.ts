import { applyDecorators, BadRequestException, ValidationPipe } from '@nestjs/common';
import {
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  Min,
  type ValidationError,
} from 'class-validator';

/**
 * Repeated validation rules as named decorators, one place (immich's src/validation.ts).
 */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/*
 * Body fields are never coerced: "180" or true where a number belongs is an error, not 180 or 1.
 * (Query and path parameters arrive as strings; their DTOs convert them explicitly.)
 */

/** A calendar year the model can price and discount. */
export const IsYear = () => applyDecorators(IsInt(), Min(MIN_YEAR), Max(MAX_YEAR));

/** A rate or share in [0, 1]. */
export const IsRate = () =>
  applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), Max(1));

/** A non-negative finite number (a count of people or successes may be fractional in expectation). */
export const IsNonNegativeNumber = () =>
  applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Min(0));

/** A non-negative amount of money as a decimal string ("6900000" or "6900000.00"): exact, never a float. */
export const IsMoney = () =>
  applyDecorators(
    IsString(),
    Matches(/^\d{1,15}(\.\d{1,2})?$/, {
      message:
        '$property must be a non-negative amount in kroner as a string with at most 2 decimals',
    }),
  );

export interface Violation {
  path: string;
  message: string;
}

/** Flattens class-validator's tree into one entry per violated field path (`successes.0.year`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** The global pipe: unknown fields are errors, every violation is listed with its path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const violations = flattenValidationErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: violations.map((v) => `${v.path}: ${v.message}`),
        violations,
      });
    },
  });
}
