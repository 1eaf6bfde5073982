import { validateContract, type Contract } from '../contract';
import { InvalidInputError } from '../shared/errors';
import { checkConditions, flattenConditions } from './conditions';
import type { ContractEvaluator } from './evaluators';
import { applyLever, interventionCostTotal, resolveLever, snapToResolution } from './levers';
import { gridValues, searchLever, type SearchControl } from './search';
import type {
  AgreementConditions,
  Condition,
  ConditionCheck,
  Lever,
  LeverMap,
  LeverRequest,
  LeverSolution,
} from './types';

export interface SolveProblem {
  contract: Contract;
  lever: LeverRequest;
  conditions: AgreementConditions;
}

export interface MapProblem {
  contract: Contract;
  levers: [LeverRequest, LeverRequest];
  conditions: AgreementConditions;
}

/** Default grid of the 2-D map: 11 × 11 cells, tenths of each range. */
export const DEFAULT_MAP_GRID_POINTS = 11;

/** A contract with the lever at both ends of its range must still be a valid contract. */
function assertLeverKeepsContractValid(contract: Contract, lever: Lever, path: string): void {
  const violations = (['min', 'max'] as const).flatMap((end) =>
    validateContract(applyLever(contract, lever, lever[end])).map((v) => ({
      path: `${path}.${end}`,
      message: `with ${lever.name} at ${lever[end]} the contract breaks a rule: ${v.path}: ${v.message}`,
    })),
  );
  if (violations.length > 0) throw new InvalidInputError(violations);
}

function judgeWith(
  contract: Contract,
  levers: readonly Lever[],
  conditions: readonly Condition[],
  evaluator: ContractEvaluator,
  signal?: AbortSignal,
) {
  return async (values: readonly number[]): Promise<ConditionCheck[]> => {
    let candidate = contract;
    levers.forEach((lever, i) => {
      candidate = applyLever(candidate, lever, values[i]);
    });
    return checkConditions(conditions, await evaluator.evaluate(candidate, signal));
  };
}

/**
 * The zone of possible agreement for one lever: the lever values where every party's condition
 * holds, each end with the condition that binds there, or, when there is none, the value that
 * comes closest and by how much each condition fails there. Every candidate is evaluated by the
 * same evaluator; a Monte Carlo evaluator uses one seed for all (common random numbers).
 */
export async function solveLever(
  problem: SolveProblem,
  evaluator: ContractEvaluator,
  control: SearchControl = {},
): Promise<LeverSolution> {
  const lever = resolveLever(problem.contract, problem.lever, 'lever');
  const conditions = flattenConditions(problem.conditions, problem.contract, 'conditions');
  assertLeverKeepsContractValid(problem.contract, lever, 'lever');
  const judge = judgeWith(problem.contract, [lever], conditions, evaluator, control.signal);
  const search = await searchLever(
    lever,
    conditions,
    (value) => judge([value]),
    interventionCostTotal(problem.contract),
    control,
  );
  const byId = new Map(conditions.map((condition) => [condition.id, condition]));
  return {
    lever,
    conditions,
    method: {
      ...evaluator.method,
      commonRandomNumbers: evaluator.method.kind === 'monteCarlo',
      gridPoints: search.gridPoints,
      tolerance: search.tolerance,
      evaluations: search.candidates.length,
    },
    feasible: search.zones.length > 0,
    zones: search.zones,
    best: search.best && {
      value: search.best.value,
      failing: search.best.checks
        .filter((check) => !check.holds)
        .map((check) => ({ ...check, condition: byId.get(check.id)! })),
    },
    candidates: search.candidates,
  };
}

/**
 * Two levers at once: every cell of a grid over both ranges is evaluated (with the same seed) and
 * marked feasible or with the conditions that fail there.
 */
export async function mapLevers(
  problem: MapProblem,
  evaluator: ContractEvaluator,
  control: Omit<SearchControl, 'gridPoints' | 'tolerance'> & { gridPoints?: [number, number] } = {},
): Promise<LeverMap> {
  const levers = [
    resolveLever(problem.contract, problem.levers[0], 'lever'),
    resolveLever(problem.contract, problem.levers[1], 'lever2'),
  ] as [Lever, Lever];
  if (levers[0].name === levers[1].name) {
    throw new InvalidInputError([{ path: 'lever2.name', message: 'must differ from lever.name' }]);
  }
  const conditions = flattenConditions(problem.conditions, problem.contract, 'conditions');
  assertLeverKeepsContractValid(problem.contract, levers[0], 'lever');
  assertLeverKeepsContractValid(problem.contract, levers[1], 'lever2');
  const points = control.gridPoints ?? [DEFAULT_MAP_GRID_POINTS, DEFAULT_MAP_GRID_POINTS];
  const axes = levers.map((lever, k) =>
    gridValues(lever.min, lever.max, points[k], lever.resolution).map((v) =>
      snapToResolution(v, lever.resolution),
    ),
  ) as [number[], number[]];
  const judge = judgeWith(problem.contract, levers, conditions, evaluator, control.signal);
  const total = axes[0].length * axes[1].length;
  const cells: LeverMap['cells'] = [];
  let evaluations = 0;
  let feasibleCount = 0;
  for (const x of axes[0]) {
    const row: LeverMap['cells'][number] = [];
    for (const y of axes[1]) {
      if (control.signal?.aborted)
        throw control.signal.reason ?? new Error('the map was cancelled');
      const checks = await judge([x, y]);
      const failing = checks.filter((check) => !check.holds).map((check) => check.id);
      if (failing.length === 0) feasibleCount++;
      row.push({ feasible: failing.length === 0, failing });
      evaluations++;
      control.onProgress?.(evaluations, total);
    }
    cells.push(row);
  }
  return {
    levers,
    conditions,
    method: {
      ...evaluator.method,
      commonRandomNumbers: evaluator.method.kind === 'monteCarlo',
      gridPoints: [axes[0].length, axes[1].length],
      evaluations,
    },
    axes,
    cells,
    feasibleCount,
  };
}
