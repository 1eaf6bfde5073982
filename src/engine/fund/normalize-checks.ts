import type Decimal from 'decimal.js';
import { MONEY_PATTERN } from '../contract/defaults';
import { Money, ZERO } from '../shared/decimal';

/**
 * Field checks of the fund's input: each returns the value (or a neutral stand-in) and records a
 * violation with its JSON pointer, so one call reports every problem at once.
 */
export type Violations = { path: string; message: string }[];

/** Denmark has 98 kommuner: no partnership spans more. */
export const KOMMUNER_IN_DENMARK = 98;
/** Upper bound on the repayment fields, to catch typos (a year count, not a money amount). */
export const MAX_REPAYMENT_SPAN_YEARS = 50;

function isRate(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

function isWhole(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function money(value: unknown, path: string, violations: Violations): Decimal {
  if (typeof value === 'string' && MONEY_PATTERN.test(value)) return new Money(value);
  violations.push({
    path,
    message: `must be an amount in kroner as a string with at most 2 decimals, got ${JSON.stringify(value)}`,
  });
  return ZERO;
}

export function rate(value: unknown, path: string, violations: Violations): Decimal {
  if (isRate(value)) return new Money(value);
  violations.push({ path, message: `must be a number in [0, 1], got ${JSON.stringify(value)}` });
  return ZERO;
}

export function wholeNumber(
  value: unknown,
  min: number,
  max: number,
  path: string,
  violations: Violations,
): number {
  if (isWhole(value, min, max)) return value;
  violations.push({
    path,
    message: `must be a whole number in [${min}, ${max}], got ${JSON.stringify(value)}`,
  });
  return min;
}
