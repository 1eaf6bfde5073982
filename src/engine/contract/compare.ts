import Decimal from 'decimal.js';
import { moneyString } from '../shared/decimal';
import { COUNT_DECIMALS, MULTIPLE_DECIMALS, RATE_DECIMALS } from './projection-json';
import type { ContractProjection, ReportedActor } from './projection';

/** One payment model at the negotiating table. */
export interface ComparedModel {
  label: string;
  projection: ContractProjection;
}

export type ComparisonValue = string | number | null;

export interface ComparisonRow {
  /** Whose figure: a ledger, the public sector, or the contract as a whole. */
  actor: ReportedActor | 'contract';
  metric:
    | 'net'
    | 'npv'
    | 'breakEvenYear'
    | 'irr'
    | 'multiple'
    | 'outcomePayments'
    | 'additionalSuccesses'
    | 'costPerAdditionalSuccess'
    | 'publicCostPerAdditionalSuccess';
  /** One value per model, in the order of `columns`: money as 2-decimal strings, years and rates as numbers. */
  values: ComparisonValue[];
}

export interface ProjectionComparison {
  columns: { label: string; contractId: string; costBearer: string }[];
  rows: ComparisonRow[];
  /** E.g. the models do not share the same intervention, so the table compares unlike things. */
  warnings: string[];
}

const PUBLIC_ROWS: ReportedActor[] = ['kommune', 'region', 'stat', 'public'];

function sameIntervention(a: ContractProjection, b: ContractProjection): boolean {
  return (
    a.horizonYears === b.horizonYears &&
    a.startYear === b.startYear &&
    a.outcomes.started.eq(b.outcomes.started) &&
    a.outcomes.additionalSuccesses.eq(b.outcomes.additionalSuccesses) &&
    a.somGains.total.eq(b.somGains.total)
  );
}

/**
 * Lines up several payment models of the same intervention (the negotiating table): per public
 * level and the public sector, net at the horizon, NPV and break-even year; for the investors
 * net, IRR, multiple and NPV; the provider's and guarantor's net; and per model the outcome
 * payments, additional successes and (public) cost per additional success.
 */
export function compareProjections(models: readonly ComparedModel[]): ProjectionComparison {
  const projections = models.map((model) => model.projection);
  const row = (
    actor: ComparisonRow['actor'],
    metric: ComparisonRow['metric'],
    value: (p: ContractProjection) => ComparisonValue,
  ): ComparisonRow => ({ actor, metric, values: projections.map(value) });
  const rows: ComparisonRow[] = [];
  for (const actor of PUBLIC_ROWS) {
    rows.push(row(actor, 'net', (p) => moneyString(p.net[actor])));
    rows.push(row(actor, 'npv', (p) => moneyString(p.npv[actor])));
    rows.push(row(actor, 'breakEvenYear', (p) => p.breakEvenYear[actor]));
  }
  rows.push(row('investor', 'net', (p) => (p.investor ? moneyString(p.net.investor) : null)));
  rows.push(
    row('investor', 'irr', (p) =>
      p.investor?.irr == null ? null : Number(p.investor.irr.toFixed(RATE_DECIMALS)),
    ),
  );
  rows.push(
    row('investor', 'multiple', (p) =>
      p.investor?.multiple == null
        ? null
        : p.investor.multiple
            .toDecimalPlaces(MULTIPLE_DECIMALS, Decimal.ROUND_HALF_EVEN)
            .toNumber(),
    ),
  );
  rows.push(row('investor', 'npv', (p) => (p.investor ? moneyString(p.investor.npv) : null)));
  rows.push(row('provider', 'net', (p) => moneyString(p.net.provider)));
  if (projections.some((p) => !p.net.guarantor.isZero())) {
    rows.push(row('guarantor', 'net', (p) => moneyString(p.net.guarantor)));
  }
  rows.push(row('contract', 'outcomePayments', (p) => moneyString(p.outcomePayments.total)));
  rows.push(
    row('contract', 'additionalSuccesses', (p) =>
      p.outcomes.additionalSuccesses
        .toDecimalPlaces(COUNT_DECIMALS, Decimal.ROUND_HALF_EVEN)
        .toNumber(),
    ),
  );
  rows.push(
    row('contract', 'costPerAdditionalSuccess', (p) =>
      p.costPerAdditionalSuccess === null ? null : moneyString(p.costPerAdditionalSuccess),
    ),
  );
  rows.push(
    row('contract', 'publicCostPerAdditionalSuccess', (p) =>
      p.publicCostPerAdditionalSuccess === null
        ? null
        : moneyString(p.publicCostPerAdditionalSuccess),
    ),
  );
  const warnings = projections
    .slice(1)
    .flatMap((p, i) =>
      sameIntervention(projections[0], p)
        ? []
        : [
            `'${models[i + 1].label}' does not model the same intervention as '${models[0].label}' ` +
              '(horizon, start year, participants, additional successes or SØM gains differ)',
          ],
    );
  return {
    columns: models.map((model) => ({
      label: model.label,
      contractId: model.projection.contractId,
      costBearer: model.projection.costBearer,
    })),
    rows,
    warnings,
  };
}

function cell(value: ComparisonValue, metric: ComparisonRow['metric']): string {
  if (value === null) return '–';
  if (metric === 'irr' && typeof value === 'number') return `${(value * 100).toFixed(2)}%`;
  return String(value);
}

/** A plain-text table of a comparison: one row per actor and metric, one column per model. */
export function comparisonToText(comparison: ProjectionComparison): string {
  const header = ['actor', 'metric', ...comparison.columns.map((column) => column.label)];
  const body = comparison.rows.map((r) => [
    r.actor,
    r.metric,
    ...r.values.map((v) => cell(v, r.metric)),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => line[c].length)));
  const format = (line: string[]) =>
    line.map((text, c) => (c < 2 ? text.padEnd(widths[c]) : text.padStart(widths[c]))).join('  ');
  const lines = [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(format)];
  return (
    [...lines, ...comparison.warnings.map((warning) => `warning: ${warning}`)].join('\n') + '\n'
  );
}
