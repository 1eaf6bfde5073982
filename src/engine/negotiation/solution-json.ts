import Decimal from 'decimal.js';
import { Money, moneyString } from '../shared/decimal';
import type {
  Condition,
  ConditionCheck,
  ConditionUnit,
  Lever,
  LeverMap,
  LeverSolution,
  LeverUnit,
  Zone,
} from './types';

/**
 * The stable JSON of a solution (documented in docs/result-schema.md): amounts in kroner as
 * strings with 2 decimals, as everywhere else; rates, shares, multiples and probabilities as
 * numbers with 6 decimals (half-even).
 */
export const FRACTION_DECIMALS = 6;

function fraction(value: number): number {
  return new Money(value).toDecimalPlaces(FRACTION_DECIMALS, Decimal.ROUND_HALF_EVEN).toNumber();
}

function leverValue(unit: LeverUnit, value: number): string | number {
  return unit === 'kroner' ? moneyString(value) : fraction(value);
}

function measured(unit: ConditionUnit, value: number | null): string | number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === 'kroner' ? moneyString(value) : fraction(value);
}

function leverJson(lever: Lever) {
  return {
    name: lever.name,
    unit: lever.unit,
    component: lever.component,
    min: leverValue(lever.unit, lever.min),
    max: leverValue(lever.unit, lever.max),
    current: lever.current === null ? null : leverValue(lever.unit, lever.current),
    resolution: lever.resolution,
  };
}

function checkJson(check: ConditionCheck, condition: Condition) {
  return {
    id: check.id,
    holds: check.holds,
    value: measured(condition.unit, check.value),
    margin: measured(condition.unit, check.margin),
  };
}

function checksJson(checks: readonly ConditionCheck[], conditions: readonly Condition[]) {
  return checks.map((check, i) => checkJson(check, conditions[i]));
}

function zoneJson(unit: LeverUnit, zone: Zone) {
  const end = (e: Zone['from']) => ({ ...e, value: leverValue(unit, e.value) });
  return { from: end(zone.from), to: end(zone.to) };
}

export function leverSolutionToJson(solution: LeverSolution) {
  const unit = solution.lever.unit;
  return {
    kind: 'leverSolution' as const,
    lever: leverJson(solution.lever),
    conditions: solution.conditions,
    method: solution.method,
    feasible: solution.feasible,
    zones: solution.zones.map((zone) => zoneJson(unit, zone)),
    best: solution.best && {
      value: leverValue(unit, solution.best.value),
      failing: solution.best.failing.map(({ condition, ...check }) => ({
        ...checkJson(check, condition),
        limit: condition.limit,
        unit: condition.unit,
      })),
    },
    candidates: solution.candidates.map((candidate) => ({
      value: leverValue(unit, candidate.values[0]),
      feasible: candidate.feasible,
      checks: checksJson(candidate.checks, solution.conditions),
    })),
  };
}

export function leverMapToJson(map: LeverMap) {
  return {
    kind: 'leverMap' as const,
    levers: map.levers.map(leverJson),
    conditions: map.conditions,
    method: map.method,
    axes: map.axes.map((axis, k) => axis.map((value) => leverValue(map.levers[k].unit, value))),
    cells: map.cells,
    feasibleCount: map.feasibleCount,
  };
}

export type LeverSolutionJson = ReturnType<typeof leverSolutionToJson>;
export type LeverMapJson = ReturnType<typeof leverMapToJson>;
