import { Command } from 'commander';
import { contractGains } from '../../data/scenarios';
import {
  compareProjections,
  projectContract,
  projectionToJson,
  type ProjectionComparison,
} from '../../engine/contract';
import { formatDanishNumber, formatKroner, formatPercent, renderCsv, renderTable } from '../format';
import { knowledgeBase, loadContract } from '../load';
import { formatOption, type OutputFormat } from '../options';

/** The parts of the projection JSON the table shows (the full shape is in docs/result-schema.md). */
interface ProjectionView {
  contract: { id: string; name: string; startYear: number; endYear: number; priceYear: number };
  breakEvenYear: Record<string, number | null>;
  net: Record<string, string>;
  investor: { irr: number | null; multiple: number | null; npv: string | null };
  costPerAdditionalSuccess: string | null;
  byYear: {
    year: number;
    calendarYear: number;
    outcomes: { additionalSuccesses: number };
    interventionCost: string;
    outcomePayments: { total: string };
    somGains: { total: string };
    cumulativeNet: Record<string, string>;
  }[];
}

const NET_ACTORS = ['kommune', 'region', 'stat', 'public', 'investor', 'provider'] as const;

function project(idOrPath: string) {
  const contract = loadContract(idOrPath);
  return projectContract(contract, contractGains(knowledgeBase(), contract));
}

export function registerContractCommands(program: Command): void {
  program
    .command('project')
    .description('deterministic projection of a contract at its expected values')
    .argument('<contract>', 'a template id from contracts/ or a contract JSON file')
    .addOption(formatOption())
    .action((idOrPath: string, options: { format: OutputFormat }) => {
      const json = projectionToJson(project(idOrPath)) as unknown as ProjectionView;
      if (options.format === 'json') console.log(JSON.stringify(json, null, 2));
      else if (options.format === 'csv') process.stdout.write(projectionCsv(json));
      else console.log(projectionTable(json));
    });

  program
    .command('compare')
    .description('payment models side by side on the same intervention')
    .argument('<contracts...>', 'two or more template ids or contract JSON files')
    .addOption(formatOption())
    .action((ids: string[], options: { format: OutputFormat }) => {
      const comparison = compareProjections(
        ids.map((id) => ({
          label: id.replace(/^.*\//, '').replace(/\.json$/, ''),
          projection: project(id),
        })),
      );
      if (options.format === 'json') console.log(JSON.stringify(comparison, null, 2));
      else if (options.format === 'csv') process.stdout.write(comparisonCsv(comparison));
      else console.log(comparisonTable(comparison));
    });
}

function projectionTable(p: ProjectionView): string {
  const actors = NET_ACTORS.filter((a) => a in p.byYear[0].cumulativeNet);
  const years = renderTable(
    [
      'year',
      'calendar',
      'add. successes',
      'cost',
      'outcome payments',
      'SØM gains',
      ...actors.map((a) => `cum. net ${a}`),
    ],
    p.byYear.map((y) => [
      y.year,
      y.calendarYear,
      formatDanishNumber(y.outcomes.additionalSuccesses.toFixed(2), 2),
      formatKroner(y.interventionCost),
      formatKroner(y.outcomePayments.total),
      formatKroner(y.somGains.total),
      ...actors.map((a) => formatKroner(y.cumulativeNet[a])),
    ]),
  );
  const summary = renderTable(
    ['actor', `net ${p.contract.endYear}`, 'break-even year'],
    actors.map((a) => [a, formatKroner(p.net[a]), p.breakEvenYear[a] ?? 'never']),
  );
  const investor =
    p.investor.multiple === null
      ? 'No investor: the authority pays the intervention as it is spent.'
      : `Investor: IRR ${formatPercent(p.investor.irr)}, money multiple ${formatDanishNumber(p.investor.multiple.toFixed(2), 2)}, NPV ${formatKroner(p.investor.npv)}`;
  return [
    `${p.contract.name} (${p.contract.id}), ${p.contract.startYear}–${p.contract.endYear}, ${p.contract.priceYear} prices`,
    '',
    years,
    '',
    summary,
    '',
    investor,
    `Cost per additional success: ${formatKroner(p.costPerAdditionalSuccess)}`,
  ].join('\n');
}

function projectionCsv(p: ProjectionView): string {
  const actors = NET_ACTORS.filter((a) => a in p.byYear[0].cumulativeNet);
  return renderCsv(
    [
      'contract_year',
      'calendar_year',
      'additional_successes',
      'intervention_cost',
      'outcome_payments',
      'som_gains',
      ...actors.map((a) => `cumulative_net_${a}`),
    ],
    p.byYear.map((y) => [
      y.year,
      y.calendarYear,
      y.outcomes.additionalSuccesses,
      y.interventionCost,
      y.outcomePayments.total,
      y.somGains.total,
      ...actors.map((a) => y.cumulativeNet[a]),
    ]),
  );
}

function comparisonCell(value: string | number | null, metric: string): string {
  if (value === null) return '–';
  if (metric === 'irr') return formatPercent(value as number);
  if (metric === 'multiple') return formatDanishNumber((value as number).toFixed(2), 2);
  if (metric === 'breakEvenYear') return String(value);
  if (metric === 'additionalSuccesses') return formatDanishNumber((value as number).toFixed(2), 2);
  return formatKroner(value);
}

function comparisonTable(c: ProjectionComparison): string {
  const table = renderTable(
    ['actor', 'metric', ...c.columns.map((col) => col.label)],
    c.rows.map((r) => [r.actor, r.metric, ...r.values.map((v) => comparisonCell(v, r.metric))]),
    2,
  );
  return [table, ...c.warnings.map((w) => `warning: ${w}`)].join('\n');
}

function comparisonCsv(c: ProjectionComparison): string {
  return renderCsv(
    ['actor', 'metric', ...c.columns.map((col) => col.label)],
    c.rows.map((r) => [r.actor, r.metric, ...r.values]),
  );
}
