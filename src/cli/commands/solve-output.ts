import type {
  Condition,
  ConditionCheck,
  Lever,
  LeverMap,
  LeverSolution,
} from '../../engine/negotiation';
import { formatDanishNumber, formatKroner, formatPercent, renderTable } from '../format';

/** `dsi solve` as text: the zone(s), how they were found, and every condition at each end. */

const MULTIPLE_DECIMALS = 2;
const FEASIBLE_MARK = '■';
const INFEASIBLE_MARK = '·';

export function formatLeverValue(lever: Pick<Lever, 'unit'>, value: number): string {
  switch (lever.unit) {
    case 'kroner':
      return formatKroner(value.toFixed(2));
    case 'multiple':
      return `${formatDanishNumber(value.toFixed(MULTIPLE_DECIMALS + 2), MULTIPLE_DECIMALS)} ×`;
    default:
      return formatPercent(value, 2);
  }
}

function formatConditionValue(
  condition: Condition,
  value: number | string | boolean | null,
): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (condition.kind === 'breakEvenByYear' && value === condition.limit) return `by ${value}`;
  if (condition.unit === 'kroner') return formatKroner(Number(value).toFixed(2));
  return formatPercent(Number(value), 1);
}

function limitText(condition: Condition): string {
  switch (condition.kind) {
    case 'minExpectedIrr':
      return `≥ ${formatPercent(condition.limit as number, 1)}`;
    case 'maxLossProbability':
    case 'maxNetNegativeProbability':
      return `≤ ${formatPercent(condition.limit as number, 1)}`;
    case 'breakEvenByYear':
      return `median ≥ 0 from ${String(condition.limit)}`;
    case 'minExpectedNet':
      return `mean ≥ ${formatKroner(condition.limit as string)}`;
    case 'revenueCoversBudget':
      return 'mean net ≥ 0';
  }
}

function methodLine(method: LeverSolution['method'] | LeverMap['method']): string {
  const how =
    method.kind === 'monteCarlo'
      ? `Monte Carlo, ${formatDanishNumber(method.trials ?? 0)} trials per candidate, seed '${method.seed}', common random numbers`
      : 'deterministic projection';
  return `${how}; ${formatDanishNumber(method.evaluations)} evaluations`;
}

function checksAt(solution: LeverSolution, value: number): ConditionCheck[] {
  return solution.candidates.find((candidate) => candidate.values[0] === value)?.checks ?? [];
}

function leverTitle(lever: Lever): string {
  const what = lever.component ? `${lever.name} of '${lever.component}'` : lever.name;
  const now = lever.current === null ? '' : `, now ${formatLeverValue(lever, lever.current)}`;
  return `${what} in ${formatLeverValue(lever, lever.min)} – ${formatLeverValue(lever, lever.max)}${now}`;
}

export function leverSolutionTable(solution: LeverSolution): string {
  const { lever, conditions, method } = solution;
  const lines = [
    `Zone of possible agreement: ${leverTitle(lever)}`,
    `${methodLine(method)}; ${formatDanishNumber(method.gridPoints)} grid values, ends within ${formatLeverValue(lever, method.tolerance)}`,
    '',
  ];
  const binding = (end: LeverSolution['zones'][number]['from']) =>
    end.bound === 'rangeLimit' ? '(end of range)' : end.binding.join(', ');
  if (solution.feasible) {
    lines.push(
      renderTable(
        ['from', 'bound by', 'to', 'bound by'],
        solution.zones.map((zone) => [
          formatLeverValue(lever, zone.from.value),
          binding(zone.from),
          formatLeverValue(lever, zone.to.value),
          binding(zone.to),
        ]),
        4,
      ),
    );
    const ends = solution.zones.flatMap((zone) => [zone.from.value, zone.to.value]);
    lines.push(
      '',
      renderTable(
        ['condition', 'limit', ...ends.map((v) => `at ${formatLeverValue(lever, v)}`)],
        conditions.map((condition, i) => [
          condition.id,
          limitText(condition),
          ...ends.map((v) =>
            formatConditionValue(condition, checksAt(solution, v)[i]?.value ?? null),
          ),
        ]),
        2,
      ),
    );
  } else {
    const best = solution.best!;
    lines.push(
      `No value meets every condition. Closest: ${formatLeverValue(lever, best.value)}, where`,
      '',
      renderTable(
        ['condition', 'limit', 'value', 'short by'],
        best.failing.map((failing) => [
          failing.id,
          limitText(failing.condition),
          formatConditionValue(failing.condition, failing.value),
          failing.condition.unit === 'kroner'
            ? formatKroner((-failing.margin).toFixed(2))
            : `${formatDanishNumber((-failing.margin * 100).toFixed(3), 1)} points`,
        ]),
        2,
      ),
    );
  }
  return lines.join('\n');
}

export function leverMapTable(map: LeverMap): string {
  const [first, second] = map.levers;
  const header = [
    `${first.name} \\ ${second.name}`,
    ...map.axes[1].map((v) => formatLeverValue(second, v)),
  ];
  const rows = map.axes[0].map((x, i) => [
    formatLeverValue(first, x),
    ...map.cells[i].map((cell) => (cell.feasible ? FEASIBLE_MARK : INFEASIBLE_MARK)),
  ]);
  return [
    `Agreement map: ${leverTitle(first)} × ${leverTitle(second)}`,
    methodLine(map.method),
    `${FEASIBLE_MARK} every condition holds (${formatDanishNumber(map.feasibleCount)} of ${formatDanishNumber(map.method.evaluations)} cells); ${INFEASIBLE_MARK} at least one fails`,
    '',
    renderTable(header, rows, 1),
  ].join('\n');
}
