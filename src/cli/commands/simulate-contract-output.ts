import type { Summary } from '../../engine/simulation';
import { formatDanishNumber, formatKroner, formatPercent, renderCsv, renderTable } from '../format';

/** The parts of a contract simulation result the table shows (docs/result-schema.md has all). */
interface FanYear {
  year: number;
  calendarYear: number;
  p5: number;
  p50: number;
  p95: number;
}
interface BreakEven {
  byYear: { year: number; share: number }[];
  never: number;
}
interface ContractResultView {
  expected: {
    contract: { startYear: number; endYear: number };
    net: Record<string, string>;
    breakEvenYear: Record<string, number | null>;
    investor: { irr: number | null; multiple: number | null };
  };
  monteCarlo: {
    trials: number;
    outputs: {
      netAtHorizon: Record<string, Summary | null>;
      investorMultiple: Summary | null;
      investorIrr: Summary | null;
      additionalSuccesses: Summary;
    };
    fanChart: { cumulativeNet: Record<string, FanYear[] | null> };
    breakEven: Record<string, BreakEven | null>;
    probabilities: {
      investorLoss: number | null;
      investorReachesTarget: number | null;
      netNegativeAtHorizon: Record<string, number>;
    };
  };
  sensitivity: {
    parameters: {
      parameter: string;
      low: { value: number; netAtHorizon: Record<string, number | null> };
      high: { value: number; netAtHorizon: Record<string, number | null> };
      switchingValue: { kommune: number | null; investor: number | null };
    }[];
  } | null;
}

const ACTORS = ['kommune', 'region', 'stat', 'public', 'investor', 'provider'];
const kroner = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : formatKroner(v.toFixed(0));

/** The median break-even year: the first year by which half the trials have broken even. */
function medianBreakEven(d: BreakEven | null): string {
  if (!d) return '–';
  let share = 0;
  for (const year of d.byYear) {
    share += year.share;
    if (share >= 0.5) return String(year.year);
  }
  return 'never';
}

export function contractResultTable(name: string, result: unknown): string {
  const r = result as ContractResultView;
  const mc = r.monteCarlo;
  const actors = ACTORS.filter((a) => mc.outputs.netAtHorizon[a]);
  const headline = renderTable(
    [
      'actor',
      'expected net',
      'MC median',
      'MC 90% interval',
      'P(net < 0)',
      'break-even (exp.)',
      'break-even (median)',
    ],
    actors.map((a) => {
      const s = mc.outputs.netAtHorizon[a] as Summary;
      const pNegative = mc.probabilities.netNegativeAtHorizon[a];
      return [
        a,
        formatKroner(r.expected.net[a]),
        kroner(s.p50),
        `${kroner(s.p5)} – ${kroner(s.p95)}`,
        pNegative === undefined ? '–' : formatPercent(pNegative),
        r.expected.breakEvenYear[a] ?? 'never',
        medianBreakEven(mc.breakEven[a]),
      ];
    }),
  );
  const publicFan = mc.fanChart.cumulativeNet.public ?? [];
  const fan = renderTable(
    ['year', 'calendar', 'cum. net public p5', 'p50', 'p95'],
    publicFan.map((y) => [y.year, y.calendarYear, kroner(y.p5), kroner(y.p50), kroner(y.p95)]),
  );
  const lines = [
    `${name}: ${r.expected.contract.startYear}–${r.expected.contract.endYear}, ${formatDanishNumber(mc.trials)} trials`,
    '',
    headline,
    '',
    fan,
  ];
  if (mc.outputs.investorMultiple) {
    const m = mc.outputs.investorMultiple;
    lines.push(
      '',
      `Investor: money multiple median ${formatDanishNumber(m.p50.toFixed(2), 2)} (90%: ${formatDanishNumber(m.p5.toFixed(2), 2)}–${formatDanishNumber(m.p95.toFixed(2), 2)}), ` +
        `P(multiple < 1) = ${formatPercent(mc.probabilities.investorLoss)}` +
        (mc.probabilities.investorReachesTarget === null
          ? ''
          : `, P(reaches target return) = ${formatPercent(mc.probabilities.investorReachesTarget)}`),
    );
  }
  if (r.sensitivity && r.sensitivity.parameters.length > 0) {
    lines.push(
      '',
      renderTable(
        ['sensitivity (net kommune, expected)', 'low', 'high', 'switching value (kommune)'],
        r.sensitivity.parameters.map((p) => [
          p.parameter,
          kroner(p.low.netAtHorizon.kommune),
          kroner(p.high.netAtHorizon.kommune),
          p.switchingValue.kommune === null
            ? '–'
            : formatDanishNumber(p.switchingValue.kommune.toFixed(3), 3),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/** CSV of the yearly fan-chart table: one row per actor and contract year. */
export function contractResultCsv(result: unknown): string {
  const r = result as ContractResultView;
  const rows = ACTORS.flatMap((actor) =>
    (r.monteCarlo.fanChart.cumulativeNet[actor] ?? []).map((y) => [
      actor,
      y.year,
      y.calendarYear,
      y.p5,
      y.p50,
      y.p95,
    ]),
  );
  return renderCsv(
    [
      'actor',
      'contract_year',
      'calendar_year',
      'cumulative_net_p5',
      'cumulative_net_p50',
      'cumulative_net_p95',
    ],
    rows,
  );
}
