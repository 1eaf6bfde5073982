import { snapToResolution } from './levers';
import type { Candidate, Condition, ConditionCheck, Lever, Zone, ZoneEnd } from './types';

/**
 * The bracketing search over one lever. The caller's `judge` gives the conditions' checks at a
 * lever value; with common random numbers it is a deterministic function of the value, so the
 * search sees no noise.
 *
 * 1. Grid: `gridPoints` values evenly spaced over [min, max] (ends included) are judged.
 * 2. Bracket and bisect: wherever feasibility changes between neighbouring grid values, the
 *    boundary is bisected until the bracket is at most `tolerance` wide; the zone end reported
 *    is the feasible side of the final bracket, so every reported end was evaluated and holds.
 * 3. Without any feasible value, the grid value with the fewest failing conditions (then the
 *    smallest total shortfall) is refined by a golden-section search between its neighbours.
 * A feasible island narrower than a grid step, lying between two infeasible grid values, is not
 * seen: more grid points see finer islands.
 */

export const DEFAULT_GRID_POINTS = 21;
/** Default tolerance: a thousandth of the searched range (snapped up to the lever's resolution). */
export const DEFAULT_RELATIVE_TOLERANCE = 1e-3;
/** Golden-section steps refining the closest infeasible value: the bracket shrinks to 0.618^12 ≈ 0.3%. */
export const GOLDEN_SECTION_STEPS = 12;
const GOLDEN_RATIO_CONJUGATE = (Math.sqrt(5) - 1) / 2;

export type Judge = (value: number) => Promise<ConditionCheck[]>;

export interface SearchControl {
  gridPoints?: number;
  tolerance?: number;
  signal?: AbortSignal;
  /** Called after every evaluation with the count so far and the expected total (an estimate). */
  onProgress?: (evaluations: number, expected: number) => void;
}

export interface SearchResult {
  gridPoints: number;
  tolerance: number;
  zones: Zone[];
  best: { value: number; checks: ConditionCheck[] } | null;
  candidates: Candidate[];
}

/** Evenly spaced values over [min, max], both ends included, snapped to the resolution. */
export function gridValues(min: number, max: number, points: number, resolution: number): number[] {
  const values = Array.from({ length: points }, (_, i) =>
    i === points - 1 ? max : snapToResolution(min + ((max - min) * i) / (points - 1), resolution),
  );
  return [...new Set(values)];
}

/**
 * How far a candidate is from agreement, to pick the closest infeasible value: the number of
 * failing conditions, then the sum of their shortfalls, each relative to its scale (probabilities
 * and rates as they are; kroner relative to `moneyScale`, e.g. the intervention cost).
 */
export function shortfallScore(
  checks: readonly ConditionCheck[],
  conditions: readonly Condition[],
  moneyScale: number,
): [number, number] {
  let failing = 0;
  let shortfall = 0;
  checks.forEach((check, i) => {
    if (check.holds) return;
    failing++;
    const scale = conditions[i].unit === 'kroner' ? moneyScale : 1;
    shortfall += -check.margin / scale;
  });
  return [failing, shortfall];
}

function better(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new Error('the search was cancelled');
}

export async function searchLever(
  lever: Lever,
  conditions: readonly Condition[],
  judge: Judge,
  moneyScale: number,
  control: SearchControl = {},
): Promise<SearchResult> {
  const gridPoints = control.gridPoints ?? DEFAULT_GRID_POINTS;
  const tolerance = Math.max(
    lever.resolution,
    snapToResolution(
      control.tolerance ?? (lever.max - lever.min) * DEFAULT_RELATIVE_TOLERANCE,
      lever.resolution,
    ),
  );
  const seen = new Map<number, ConditionCheck[]>();
  let expected = gridPoints;
  const evaluate = async (value: number): Promise<ConditionCheck[]> => {
    const known = seen.get(value);
    if (known) return known;
    throwIfAborted(control.signal);
    const checks = await judge(value);
    seen.set(value, checks);
    control.onProgress?.(seen.size, Math.max(expected, seen.size));
    return checks;
  };
  const feasible = (checks: readonly ConditionCheck[]) => checks.every((c) => c.holds);
  const failingIds = (checks: readonly ConditionCheck[]) =>
    checks.filter((c) => !c.holds).map((c) => c.id);

  const grid = gridValues(lever.min, lever.max, gridPoints, lever.resolution);
  const gridChecks: ConditionCheck[][] = [];
  for (const value of grid) gridChecks.push(await evaluate(value));
  const ok = gridChecks.map(feasible);

  const changes = ok.filter((f, i) => i > 0 && f !== ok[i - 1]).length;
  const stepsPerBoundary = Math.ceil(
    Math.log2(Math.max(1, (lever.max - lever.min) / (grid.length - 1) / tolerance)),
  );
  expected = grid.length + changes * stepsPerBoundary;

  /** Bisects between a feasible and an infeasible value; returns the feasible end. */
  const boundary = async (inside: number, outside: number): Promise<ZoneEnd> => {
    let outsideChecks = await evaluate(outside);
    while (Math.abs(outside - inside) > tolerance) {
      const mid = snapToResolution((inside + outside) / 2, lever.resolution);
      if (mid === inside || mid === outside) break;
      const checks = await evaluate(mid);
      if (feasible(checks)) inside = mid;
      else {
        outside = mid;
        outsideChecks = checks;
      }
    }
    return { value: inside, bound: 'condition', binding: failingIds(outsideChecks) };
  };

  const zones: Zone[] = [];
  for (let i = 0; i < grid.length; i++) {
    if (!ok[i] || (i > 0 && ok[i - 1])) continue;
    let j = i;
    while (j + 1 < grid.length && ok[j + 1]) j++;
    const from: ZoneEnd =
      i === 0
        ? { value: grid[0], bound: 'rangeLimit', binding: [] }
        : await boundary(grid[i], grid[i - 1]);
    const to: ZoneEnd =
      j === grid.length - 1
        ? { value: grid[j], bound: 'rangeLimit', binding: [] }
        : await boundary(grid[j], grid[j + 1]);
    zones.push({ from, to });
  }

  let best: SearchResult['best'] = null;
  if (zones.length === 0) {
    const score = (checks: ConditionCheck[]) => shortfallScore(checks, conditions, moneyScale);
    let index = 0;
    gridChecks.forEach((checks, i) => {
      if (better(score(checks), score(gridChecks[index]))) index = i;
    });
    // Golden-section search on the score between the closest grid value's neighbours.
    let lo = grid[Math.max(0, index - 1)];
    let hi = grid[Math.min(grid.length - 1, index + 1)];
    expected = seen.size + GOLDEN_SECTION_STEPS + 2;
    for (let step = 0; step < GOLDEN_SECTION_STEPS && hi - lo > tolerance; step++) {
      const a = snapToResolution(hi - GOLDEN_RATIO_CONJUGATE * (hi - lo), lever.resolution);
      const b = snapToResolution(lo + GOLDEN_RATIO_CONJUGATE * (hi - lo), lever.resolution);
      if (better(score(await evaluate(a)), score(await evaluate(b)))) hi = b;
      else lo = a;
    }
    let bestValue = grid[index];
    for (const [value, checks] of seen) {
      if (better(score(checks), score(seen.get(bestValue)!))) bestValue = value;
    }
    best = { value: bestValue, checks: seen.get(bestValue)! };
  }

  const candidates: Candidate[] = [...seen.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, checks]) => ({ values: [value], feasible: feasible(checks), checks }));
  return { gridPoints: grid.length, tolerance, zones, best, candidates };
}
