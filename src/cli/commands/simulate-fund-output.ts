import type { FundProjectionJson } from '../../engine/fund';
import type { Summary } from '../../engine/simulation';
import { formatDanishNumber, formatKroner, formatPercent, renderCsv, renderTable } from '../format';

/** The parts of a fund result the table shows (docs/result-schema.md has the whole). */
interface FundResultView {
  expected: FundProjectionJson;
  monteCarlo: {
    trials: number;
    totalInvested: Summary;
    peopleHelped: Summary;
    peopleEmployed: Summary;
    partnerships: Summary;
    fundValueAtHorizon: Summary;
    probabilityFundValueBelowCapital: { probability: number };
    byYear: ({ year: number } & Record<string, Summary>)[];
  };
}

const people = (value: string | number) => formatDanishNumber(Number(value).toFixed(0), 0);
const band = (s: Summary, format: (v: number) => string) =>
  `${format(s.p50)} (90%: ${format(s.p5)}–${format(s.p95)})`;
const kroner = (v: number) => formatKroner(v.toFixed(0));
const count = (v: number) => formatDanishNumber(v.toFixed(0), 0);

export function fundResultTable(name: string, result: unknown): string {
  const { expected: e, monteCarlo: mc } = result as FundResultView;
  const yearly = renderTable(
    [
      'year',
      'invested',
      'repaid',
      'cash',
      'fund value',
      'partnerships',
      'people helped',
      'employed',
    ],
    e.byYear.map((y) => [
      y.year,
      formatKroner(y.capitalDeployed),
      formatKroner(y.repaymentsReceived),
      formatKroner(y.cash),
      formatKroner(y.fundValue),
      y.partnerships,
      people(y.peopleHelped),
      people(y.peopleEmployed),
    ]),
  );
  const gains = renderTable(
    ['public gains (SØM)', 'kommune', 'region', 'stat', 'total'],
    (['nominal', 'npv'] as const).map((basis) => [
      basis === 'nominal' ? `nominal ${e.startYear}–${e.endYear}` : `NPV (${e.startYear})`,
      formatKroner(e.publicGains[basis].kommune),
      formatKroner(e.publicGains[basis].region),
      formatKroner(e.publicGains[basis].stat),
      formatKroner(e.publicGains[basis].total),
    ]),
  );
  const lines = [
    name,
    `Expected values, ${e.startYear}–${e.endYear}:`,
    '',
    yearly,
    '',
    `Total invested over the period: ${formatKroner(e.totalInvested)} (initial capital ${formatKroner(e.initialCapital)})`,
    `People helped: ${people(e.peopleHelped)}   in employment: ${people(e.peopleEmployed)}`,
    `Partnerships (partner kommuner): ${e.partnerships} (${e.partnerKommuner})`,
    `Fund value ${e.endYear}: ${formatKroner(e.fundValueAtHorizon)} (${e.fundValueBasis})`,
    '',
    gains,
  ];
  if (mc) {
    lines.push(
      '',
      `Monte Carlo, ${formatDanishNumber(mc.trials)} trials: median (90% interval)`,
      `  total invested   ${band(mc.totalInvested, kroner)}`,
      `  people helped    ${band(mc.peopleHelped, count)}`,
      `  employed         ${band(mc.peopleEmployed, count)}`,
      `  partnerships     ${band(mc.partnerships, count)}`,
      `  fund value ${e.endYear} ${band(mc.fundValueAtHorizon, kroner)}`,
      `  P(fund value ${e.endYear} < initial capital) = ${formatPercent(mc.probabilityFundValueBelowCapital.probability)}`,
    );
  }
  return lines.join('\n');
}

export function fundResultCsv(result: unknown): string {
  const { expected: e } = result as FundResultView;
  return renderCsv(
    [
      'year',
      'capital_deployed',
      'repayments_received',
      'cash',
      'fund_value',
      'partnerships',
      'participants_started',
      'people_helped',
      'people_employed',
      'gains_kommune',
      'gains_region',
      'gains_stat',
    ],
    e.byYear.map((y) => [
      y.year,
      y.capitalDeployed,
      y.repaymentsReceived,
      y.cash,
      y.fundValue,
      y.partnerships,
      y.participantsStarted,
      y.peopleHelped,
      y.peopleEmployed,
      y.publicGains.nominal.kommune,
      y.publicGains.nominal.region,
      y.publicGains.nominal.stat,
    ]),
  );
}
