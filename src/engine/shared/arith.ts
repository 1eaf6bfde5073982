import Decimal from 'decimal.js';
import { Money } from './decimal';

/**
 * The arithmetic a formula needs, so one formula runs on exact decimals (the deterministic
 * projection, `decimalArith`) and on floats (the Monte Carlo hot loop, `floatArith`).
 * Formulas written against `Arith<T>` use only these operations, so both agree up to float error.
 */
export interface Arith<T> {
  readonly zero: T;
  readonly one: T;
  /** From a JSON number or a decimal string ("6900000.00"). */
  of(value: number | string): T;
  fromDecimal(value: Decimal): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** a / b; callers check b ≠ 0 first. */
  div(a: T, b: T): T;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  lt(a: T, b: T): boolean;
  lte(a: T, b: T): boolean;
  gt(a: T, b: T): boolean;
  gte(a: T, b: T): boolean;
  isZero(a: T): boolean;
  toNumber(a: T): number;
}

/** Exact arithmetic on the configured `Money` clone (40 digits, half-even). */
export const decimalArith: Arith<Decimal> = {
  zero: new Money(0),
  one: new Money(1),
  of: (value) => new Money(value),
  fromDecimal: (value) => new Money(value),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  min: (a, b) => (b.lt(a) ? b : a),
  max: (a, b) => (b.gt(a) ? b : a),
  lt: (a, b) => a.lt(b),
  lte: (a, b) => a.lte(b),
  gt: (a, b) => a.gt(b),
  gte: (a, b) => a.gte(b),
  isZero: (a) => a.isZero(),
  toNumber: (a) => a.toNumber(),
};

/** IEEE doubles, for Monte Carlo trials only: fast, no allocation, not exact to the øre. */
export const floatArith: Arith<number> = {
  zero: 0,
  one: 1,
  of: (value) => Number(value),
  fromDecimal: (value) => value.toNumber(),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  min: (a, b) => (b < a ? b : a),
  max: (a, b) => (b > a ? b : a),
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  isZero: (a) => a === 0,
  toNumber: (a) => a,
};

/** Σ values with the given arithmetic. */
export function sumOf<T>(ar: Arith<T>, values: readonly T[]): T {
  let total = ar.zero;
  for (const value of values) total = ar.add(total, value);
  return total;
}
