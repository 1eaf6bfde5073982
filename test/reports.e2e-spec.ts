import * as path from 'node:path';
import Decimal from 'decimal.js';
import type * as ExcelJS from 'exceljs';
import { loadContractTemplate } from '../src/data/contracts';
import { loadKnowledgeBase } from '../src/data/knowledge';
import { WELFARE_AREAS, type WelfareArea } from '../src/engine/shared/actors';
import { Money } from '../src/engine/shared/decimal';
import { findSuccessMeasure } from '../src/engine/som';
import {
  buildReportModel,
  chartColors,
  formatNumber,
  formatPercentage,
  launchPdfPrinter,
  reportHtml,
  reportPdf,
  reportSourceFromContract,
  reportSourceFromScenarioFile,
  workbookBuffer,
  type AssumptionEntry,
  type ContractSimulationView,
  type FundResultView,
  type PdfPrinter,
  type ProjectionJsonView,
  type ReportModel,
  type ReportSource,
  type SimulationReportSource,
} from '../src/report';
import { REPO_ROOT } from './support/cli';
import {
  chartFigures,
  columnOf,
  isA4Portrait,
  readWorkbook,
  renderPdf,
  sheetRows,
  type RenderedPdf,
} from './support/report-files';

/**
 * What a person sees of each kind of report: the PDF as A4 PNG pages and as text, every chart
 * with data, and the workbook read back by Excel's library, compared with the result JSON.
 * One Chromium serves the whole file; runs use 2,000 trials at most.
 */

const TRIALS = 2000;
const kb = loadKnowledgeBase();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await launchPdfPrinter();
});
afterAll(async () => {
  await printer.close();
});

interface Rendered {
  source: ReportSource;
  model: ReportModel;
  html: string;
  pdf: RenderedPdf;
}

async function render(source: ReportSource, language: 'da' | 'en' = 'da'): Promise<Rendered> {
  return {
    source,
    model: buildReportModel(source, language),
    html: reportHtml(source, language),
    pdf: renderPdf(await reportPdf(source, language, printer)),
  };
}

/** Every chart is in the HTML, says it draws values, and draws each non-empty series in its colour. */
function expectChartsWithData(rendered: Rendered, ids: string[]): void {
  const figures = chartFigures(rendered.html);
  expect(figures.map((f) => f.id)).toEqual(ids);
  for (const spec of rendered.model.charts) {
    const figure = figures.find((f) => f.id === spec.id);
    expect(figure?.values).toBeGreaterThan(0);
    const colors = chartColors(spec);
    spec.series.forEach((series, i) => {
      if (series.values.some((v) => v !== null && v !== 0)) {
        expect({
          chart: spec.id,
          series: series.name,
          drawn: figure?.svg.includes(colors[i]),
        }).toEqual({
          chart: spec.id,
          series: series.name,
          drawn: true,
        });
      }
    });
  }
}

function expectPages(pdf: RenderedPdf): void {
  expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
  for (const page of pdf.pages) {
    expect(isA4Portrait(page)).toBe(true);
    expect(page.bytes).toBeGreaterThan(1000);
  }
}

/** Each assumption once; the printed list has one row per entry. */
function expectAssumptionList(rendered: Rendered): AssumptionEntry[] {
  const entries = rendered.model.assumptions;
  const keys = entries.map((e) => `${e.file}#${e.pointer}`);
  expect(new Set(keys).size).toBe(keys.length);
  const printedRows =
    rendered.html.match(/<tr class="(sourced|assumption|calibrated|unsourced)">/g) ?? [];
  expect(printedRows).toHaveLength(entries.length);
  return entries;
}

/** The knowledge-base pointers a gain profile of `measureId` over `years` reads (prices, effects). */
function knowledgePointers(measureId: string, years: number): string[] {
  const { targetGroup, measure } = findSuccessMeasure(kb, measureId);
  const file = `knowledge/target-groups/${targetGroup.id}.json`;
  const m = targetGroup.successMeasures.indexOf(measure);
  return measure.consequences.flatMap((c, ci) => {
    const item = targetGroup.items.findIndex((i) => i.id === c.item);
    return [
      ...['kommune', 'region', 'stat'].map((a) => `${file}#/items/${item}/prices/${a}/value`),
      ...(c.effects ?? [])
        .slice(0, years)
        .map((_, t) => `${file}#/successMeasures/${m}/consequences/${ci}/effects/${t}/value`),
    ];
  });
}

/** A JSON number as the Danish report prints it; a missing one (null) as the report's dash. */
const da = (value: string | number | null, decimals: number) =>
  formatNumber(value ?? NaN, decimals, 'da');
const percent = (value: number | null) => formatPercentage(value ?? NaN, 'da');

/** The welfare areas as the Danish report names them. */
const AREA_LABELS: Record<WelfareArea, string> = {
  health: 'Sundhed',
  social_services: 'Sociale indsatser og ydelser',
  justice: 'Politi, retsvæsen og kriminalforsorg',
  income_transfers: 'Indkomstoverførsler',
  income_tax: 'Indkomstskat',
  education_employment: 'Uddannelse og beskæftigelse',
};
const LEVELS = ['kommune', 'region', 'stat', 'total'] as const;
const PUBLIC_LEVELS = ['kommune', 'region', 'stat'] as const;
/** The Finance Ministry's 2021 rate for years 0–35, which the templates here use (no discountRate). */
const FINANCE_MINISTRY_RATE = new Money('0.035');

/**
 * The workbook's yearly tables by welfare area against the projection JSON, cell by cell: the
 * nominal sheet holds the JSON's `byYear[].somGainsByArea`; in the discounted sheet each level's
 * cell lies within an øre of nominal / 1.035^(year − 1), its years sum exactly to its NPV rounded
 * once (half-even), and the total is the sum of the levels.
 */
function expectContractAreaSheets(workbook: ExcelJS.Workbook, p: ProjectionJsonView): void {
  const nominal = sheetRows(workbook.getWorksheet('SØM område og år')!);
  const discounted = sheetRows(workbook.getWorksheet('SØM område og år diskonteret')!);
  const rowKeys = p.byYear.flatMap((y) =>
    WELFARE_AREAS.map((area) => ({ y, area, cells: [y.year, y.calendarYear, AREA_LABELS[area]] })),
  );
  expect(nominal.slice(1)).toEqual(
    rowKeys.map(({ y, area, cells }) => [
      ...cells,
      ...LEVELS.map((l) => Number(y.somGainsByArea![area][l])),
    ]),
  );
  expect(discounted.slice(1).map((row) => row.slice(0, 3))).toEqual(
    rowKeys.map(({ cells }) => cells),
  );
  const ore = (value: unknown) => Math.round((value as number) * 100);
  const npvOre: Record<string, number> = {};
  rowKeys.forEach(({ y, area }, i) => {
    const row = discounted[i + 1];
    const factor = new Money(1).div(FINANCE_MINISTRY_RATE.plus(1).pow(y.year - 1));
    PUBLIC_LEVELS.forEach((level, l) => {
      const exact = new Money(y.somGainsByArea![area][level]).times(factor);
      expect([
        y.year,
        area,
        level,
        exact
          .minus(row[3 + l] as number)
          .abs()
          .lt('0.01'),
      ]).toEqual([y.year, area, level, true]);
      npvOre[`${area}.${level}`] = (npvOre[`${area}.${level}`] ?? 0) + ore(row[3 + l]);
    });
    expect(ore(row[6])).toBe(ore(row[3]) + ore(row[4]) + ore(row[5]));
  });
  for (const area of WELFARE_AREAS) {
    for (const level of PUBLIC_LEVELS) {
      const npv = Money.sum(
        new Money(0),
        ...p.byYear.map((y) =>
          new Money(y.somGainsByArea![area][level]).div(
            FINANCE_MINISTRY_RATE.plus(1).pow(y.year - 1),
          ),
        ),
      ).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
      expect([area, level, npvOre[`${area}.${level}`]]).toEqual([
        area,
        level,
        npv.times(100).toNumber(),
      ]);
    }
  }
}

/** The printed report shows the extracts by area and year, not the long tables. */
function expectPrintedAreaTables(html: string): void {
  expect(html).toContain('data-table-id="somGainsByAreaYearlyPrinted"');
  expect(html).toContain('data-table-id="somGainsByAreaYearlyDiscountedPrinted"');
  expect(html).not.toContain('data-table-id="somGainsByAreaYearly"');
}

describe('the report of a fund simulation (DSI 25 mio. kr. injection)', () => {
  let rendered: Rendered;
  let r: FundResultView;

  beforeAll(async () => {
    const source = await reportSourceFromScenarioFile(
      path.join(REPO_ROOT, 'simulations/dsi-25m-injection.json'),
      { trials: TRIALS },
      kb,
    );
    rendered = await render(source);
    r = source.result as FundResultView;
  });

  it('prints on A4 pages that poppler turns into images', () => {
    expectPages(rendered.pdf);
  });

  it("carries the run's headline numbers in the PDF's text, equal to the result JSON", () => {
    const text = rendered.pdf.text;
    const mc = r.monteCarlo;
    const wanted = [
      da(r.expected.fundValueAtHorizon, 2),
      da(r.expected.totalInvested, 2),
      da(r.expected.publicGains.npv.kommune, 2),
      da(r.expected.publicGains.npv.stat, 2),
      da(mc.fundValueAtHorizon.p5, 0),
      da(mc.fundValueAtHorizon.p50, 0),
      da(mc.fundValueAtHorizon.p95, 0),
      `mellem ${da(mc.peopleHelped.p5, 0)} og ${da(mc.peopleHelped.p95, 0)} personer`,
      formatPercentage(mc.probabilityFundValueBelowCapital.probability, 'da'),
      // Hand-computed: 25 mio. kr. buys 6 tickets of 4 mio. kr. in 2024 (24 mio.), 1 mio. waits.
      '25.000.000 kr.',
      '24.000.000,00',
      '1.000.000,00',
    ];
    for (const number of wanted)
      expect({ number, inText: text.includes(number) }).toEqual({ number, inText: true });
  });

  it('draws data in every chart, the histogram of the money multiple included', () => {
    expectChartsWithData(rendered, [
      'fundValue',
      'cumulativeGains',
      'multipleHistogram',
      'gainsByYear',
      'peopleHelped',
      'capitalDeployed',
    ]);
    const histogram = rendered.model.charts.find((c) => c.id === 'multipleHistogram');
    // Every trial is in exactly one bin.
    expect(histogram?.series[0].values.reduce((a: number, b) => a + (b ?? 0), 0)).toBe(TRIALS);
  });

  it('lists every knowledge-base, template and scenario number the run used with its provenance', () => {
    const entries = expectAssumptionList(rendered);
    const keys = entries.map((e) => `${e.file}#${e.pointer}`);
    const template = loadContractTemplate('ips-holbaek');
    expect(keys).toEqual(
      expect.arrayContaining([
        ...knowledgePointers(template.intervention.successMeasureId, template.horizonYears),
        'contracts/ips-holbaek.json#/intervention/participants',
        'contracts/ips-holbaek.json#/intervention/cost/total',
        'contracts/ips-holbaek.json#/intervention/grossSuccessRate',
        'simulations/dsi-25m-injection.json#/fund/injections/0/amount',
      ]),
    );
    const multiple = entries.find((e) => e.pointer === '/products/0/repayment/repaymentMultiple');
    expect(multiple).toMatchObject({ value: '1.1', assumption: true });
    expect(rendered.html).toContain(multiple?.reason?.slice(0, 40));
  });

  it('puts the seed, the trials and the software version in the report', () => {
    expect(rendered.pdf.text).toContain('2024'); // the scenario's seed
    expect(rendered.pdf.text).toContain(`Antal forsøg`);
    expect(rendered.html).toContain(`<dt>Softwareversion</dt><dd>${r.meta.version}</dd>`);
    expect(rendered.html).toContain(`<dt>Seed</dt><dd>${r.meta.seed}</dd>`);
  });

  it("fills the workbook's yearly tables with the result JSON's numbers, cell by cell", async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    const accounts = sheetRows(workbook.getWorksheet('Fondens regnskab')!);
    const fields: Record<string, string> = {
      År: 'year',
      Investeret: 'capitalDeployed',
      Tilbagebetalt: 'repaymentsReceived',
      'Heraf hovedstol': 'principalRepaid',
      Afkast: 'returns',
      'Gebyrer og omkostninger': 'feesAndCosts',
      Tab: 'losses',
      'Kontanter ultimo': 'cash',
      'Udestående hovedstol': 'outstandingPrincipal',
      'Fondens værdi': 'fundValue',
    };
    expect(accounts).toHaveLength(1 + r.expected.byYear.length);
    r.expected.byYear.forEach((yearJson, y) => {
      const year = yearJson as unknown as Record<string, string | number>;
      for (const [label, field] of Object.entries(fields)) {
        expect([label, accounts[y + 1][columnOf(accounts[0], label)]]).toEqual([
          label,
          Number(year[field]),
        ]);
      }
    });
    for (const [sheet, basis] of [
      ['SØM pr. år', 'nominal'],
      ['SØM pr. år diskonteret', 'npv'],
    ] as const) {
      const rows = sheetRows(workbook.getWorksheet(sheet)!);
      r.expected.byYear.forEach((year, y) => {
        expect(rows[y + 1]).toEqual([
          year.year,
          Number(year.publicGains[basis].kommune),
          Number(year.publicGains[basis].region),
          Number(year.publicGains[basis].stat),
          Number(year.publicGains[basis].total),
        ]);
      });
    }
    for (const [sheet, basis] of [
      ['SØM område og år', 'nominal'],
      ['SØM område og år diskonteret', 'npv'],
    ] as const) {
      const rows = sheetRows(workbook.getWorksheet(sheet)!);
      expect(rows.slice(1)).toEqual(
        r.expected.byYear.flatMap((year) =>
          WELFARE_AREAS.map((area) => [
            year.year,
            AREA_LABELS[area],
            ...LEVELS.map((l) => Number(year.publicGainsByArea[area][basis][l])),
          ]),
        ),
      );
    }
    expectPrintedAreaTables(rendered.html);
    const percentiles = sheetRows(workbook.getWorksheet('Fraktiler pr. år')!);
    const fundValueRows = percentiles.filter((row) => row[0] === 'Fondens værdi (kr.)');
    expect(fundValueRows.map((row) => row.slice(1))).toEqual(
      r.monteCarlo.byYear.map((y) => [
        y.year,
        y.fundValue.mean,
        y.fundValue.p5,
        y.fundValue.p25,
        y.fundValue.p50,
        y.fundValue.p75,
        y.fundValue.p95,
      ]),
    );
  });

  it('gives kroner a thousands-separated number format, frozen headers and fitted columns', async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    const sheet = workbook.getWorksheet('Fondens regnskab')!;
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // "Gebyrer og omkostninger" is 23 characters: its column is at least that wide.
    expect(
      sheet.getColumn(columnOf(sheetRows(sheet)[0], 'Gebyrer og omkostninger') + 1).width,
    ).toBeGreaterThanOrEqual(23);
  });

  it('lists every trial, and the trials reproduce the Monte Carlo summary of the result', async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    const trials = sheetRows(workbook.getWorksheet('Forsøg')!);
    expect(trials).toHaveLength(1 + TRIALS);
    const column = columnOf(trials[0], 'Fondens værdi ved slut');
    const values = trials.slice(1).map((row) => row[column] as number);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // Plain summation differs from the engine's compensated mean by float rounding only.
    expect(Math.abs(mean - r.monteCarlo.fundValueAtHorizon.mean)).toBeLessThan(0.01);
    const sorted = [...values].sort((a, b) => a - b);
    expect(sorted[0]).toBe(r.monteCarlo.fundValueAtHorizon.min);
    expect(sorted[sorted.length - 1]).toBe(r.monteCarlo.fundValueAtHorizon.max);
  });
});

describe('the report of a contract projection (IPS Holbæk with a rate card)', () => {
  let rendered: Rendered;
  let p: ProjectionJsonView;

  beforeAll(async () => {
    const source = reportSourceFromContract(
      loadContractTemplate('ips-holbaek-rate-card'),
      'contracts/ips-holbaek-rate-card.json',
      kb,
    );
    p = source.projection as ProjectionJsonView;
    rendered = await render(source);
  });

  it('prints on A4 pages with the headline numbers of the projection JSON, to the øre', () => {
    expectPages(rendered.pdf);
    const y = p.breakEvenYear.kommune as number;
    const wanted = [
      ...['kommune', 'stat', 'investor', 'public'].flatMap((a) => [
        da(p.net[a], 2),
        da(p.npv[a], 2),
      ]),
      `Kommunen når break-even i år ${y} (${p.contract.startYear + y - 1})`,
      `${da(p.investor.multiple, 2)} gange`,
      // Hand-computed: 180 participants × 90% completing × (40% − 24%) = 25.92 additional jobs.
      '25,92 ekstra succeser',
    ];
    for (const number of wanted)
      expect({ number, inText: rendered.pdf.text.includes(number) }).toEqual({
        number,
        inText: true,
      });
  });

  it('draws data in every chart', () => {
    expectChartsWithData(rendered, ['cumulativeNet', 'gainsByArea', 'gainsByYear']);
  });

  it('lists one entry per number of the template and of the knowledge base it used', () => {
    const entries = expectAssumptionList(rendered);
    const keys = entries.map((e) => `${e.file}#${e.pointer}`);
    const contract = loadContractTemplate('ips-holbaek-rate-card');
    expect(keys).toEqual(
      expect.arrayContaining(
        knowledgePointers(contract.intervention.successMeasureId, contract.horizonYears),
      ),
    );
    expect(entries.find((e) => e.pointer === '/paymentModel/components/0/price')).toMatchObject({
      origin: 'template',
      value: '310000',
      assumption: true,
    });
    expect(rendered.html).toContain('<span class="flag assumption">antagelse</span>');
  });

  it("fills the workbook's yearly tables by actor with the projection JSON's numbers", async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    const actors: Record<string, string> = {
      Kommune: 'kommune',
      Region: 'region',
      Stat: 'stat',
      Investor: 'investor',
      Leverandør: 'provider',
      'Offentlig i alt': 'public',
    };
    for (const [sheet, field] of [
      ['Netto pr. aktør', 'net'],
      ['Kumuleret netto', 'cumulativeNet'],
    ]) {
      const rows = sheetRows(workbook.getWorksheet(sheet)!);
      p.byYear.forEach((yearJson, y) => {
        const year = yearJson as unknown as Record<string, Record<string, string>>;
        expect(rows[y + 1].slice(0, 2)).toEqual([yearJson.year, yearJson.calendarYear]);
        for (const [label, actor] of Object.entries(actors)) {
          expect([sheet, label, rows[y + 1][columnOf(rows[0], label)]]).toEqual([
            sheet,
            label,
            Number(year[field][actor]),
          ]);
        }
      });
    }
    const discounted = sheetRows(workbook.getWorksheet('Netto diskonteret')!);
    for (const [label, actor] of Object.entries(actors)) {
      const column = columnOf(discounted[0], label);
      const ore = discounted
        .slice(1)
        .reduce((sum, row) => sum + Math.round((row[column] as number) * 100), 0);
      expect([label, ore]).toEqual([label, Math.round(Number(p.npv[actor]) * 100)]);
    }
    const areas = sheetRows(workbook.getWorksheet('SØM pr. område')!);
    expect(areas.slice(1)).toEqual(
      WELFARE_AREAS.map((area) => [
        AREA_LABELS[area],
        ...LEVELS.map((l) => Number(p.somGainsByArea[area][l])),
      ]),
    );
  });

  it("fills the workbook's yearly tables by welfare area, nominal and discounted, from the projection JSON", async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    expectContractAreaSheets(workbook, p);
    // The yearly areas add up to the horizon totals the JSON states.
    for (const area of WELFARE_AREAS) {
      const total = p.byYear.reduce(
        (sum, y) => sum.plus(y.somGainsByArea![area].total),
        new Money(0),
      );
      expect([area, total.toFixed(2)]).toEqual([area, p.somGainsByArea[area].total]);
    }
    expectPrintedAreaTables(rendered.html);
  });

  it('speaks English when asked, with English separators', async () => {
    const english = await render(rendered.source, 'en');
    expect(english.pdf.text).toContain('Headline figures by actor');
    expect(english.pdf.text).toContain(formatNumber(p.net.kommune, 2, 'en'));
    expect(english.html).toContain('<html lang="en">');
  });
});

describe('the report of a contract simulation (IPS Holbæk with a rate card)', () => {
  let rendered: Rendered;
  let r: ContractSimulationView;

  beforeAll(async () => {
    const source = await reportSourceFromScenarioFile(
      path.join(REPO_ROOT, 'simulations/ips-holbaek-rate-card.json'),
      { trials: TRIALS },
      kb,
    );
    r = source.result as ContractSimulationView;
    rendered = await render(source);
  });

  it("prints on A4 pages with the run's headline numbers, equal to the result JSON", () => {
    expectPages(rendered.pdf);
    const mc = r.monteCarlo;
    const kommune = mc.outputs.netAtHorizon.kommune!;
    const multiple = mc.outputs.investorMultiple!;
    const wanted = [
      da(r.expected.net.kommune, 2),
      da(r.expected.net.investor, 2),
      `mellem ${da(kommune.p5, 0)} kr. og ${da(kommune.p95, 0)} kr.`,
      percent(mc.probabilities.netNegativeAtHorizon.kommune),
      `mellem ${da(multiple.p5, 2)} og ${da(multiple.p95, 2)} gange`,
      percent(mc.probabilities.investorLoss),
      da(mc.outputs.netAtHorizon.investor!.p50, 0),
      '2.000 simuleringer',
    ];
    for (const number of wanted)
      expect({ number, inText: rendered.pdf.text.includes(number) }).toEqual({
        number,
        inText: true,
      });
  });

  it('draws data in every chart: fans per actor, the multiple, the tornados and the gains by area', () => {
    expectChartsWithData(rendered, [
      'fan-kommune',
      'fan-stat',
      'fan-investor',
      'multipleHistogram',
      'tornado-kommune',
      'tornado-investor',
      'gainsByArea',
    ]);
    const histogram = rendered.model.charts.find((c) => c.id === 'multipleHistogram');
    expect(histogram?.series[0].values).toEqual(
      r.monteCarlo.outputs.investorMultiple!.histogram.counts,
    );
  });

  it('reads a result saved before the sweeps became deterministic (meanNetAtHorizon)', () => {
    // Stored runs and result files of earlier versions name a sweep point's nets differently.
    const source = rendered.source as SimulationReportSource;
    const renamed = JSON.parse(JSON.stringify(source.result)) as ContractSimulationView;
    for (const entry of renamed.sensitivity!.parameters as unknown as Record<string, any>[]) {
      for (const point of [entry.low, entry.base, entry.high]) {
        point.meanNetAtHorizon = point.netAtHorizon;
        delete point.netAtHorizon;
      }
    }
    expect(JSON.stringify(renamed.sensitivity)).toContain('meanNetAtHorizon');
    const old = buildReportModel({ ...source, result: renamed }, 'da');
    const tornados = (model: ReportModel) => model.charts.filter((c) => c.kind === 'tornado');
    expect(tornados(old)).toEqual(tornados(rendered.model));
    expect(tornados(old)).toHaveLength(2);
  });

  it('lists the scenario, template and knowledge-base numbers the run used', () => {
    const entries = expectAssumptionList(rendered);
    const keys = entries.map((e) => `${e.file}#${e.pointer}`);
    const contract = loadContractTemplate('ips-holbaek-rate-card');
    expect(keys).toEqual(
      expect.arrayContaining([
        ...knowledgePointers(contract.intervention.successMeasureId, contract.horizonYears),
        'simulations/ips-holbaek-rate-card.json#/uncertainty/grossSuccessRate/interval90/0',
        'simulations/ips-holbaek-rate-card.json#/investorTargetReturn',
        'contracts/ips-holbaek-rate-card.json#/capital/tranches/0/interestRate',
      ]),
    );
    expect(entries.find((e) => e.pointer === '/investorTargetReturn')).toMatchObject({
      value: '0.05',
      assumption: false,
      unsourced: false,
    });
  });

  it("fills the workbook's yearly and percentile tables with the result JSON's numbers", async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    const net = sheetRows(workbook.getWorksheet('Netto pr. aktør')!);
    r.expected.byYear.forEach((year, y) => {
      expect(net[y + 1]).toEqual([
        year.year,
        year.calendarYear,
        ...['kommune', 'region', 'stat', 'investor', 'provider', 'public'].map((a) =>
          Number(year.net[a]),
        ),
      ]);
    });
    const fan = sheetRows(workbook.getWorksheet('Fraktiler kumuleret netto')!);
    const kommuneRows = fan.filter((row) => row[0] === 'Kommune').map((row) => row.slice(1));
    expect(kommuneRows).toEqual(
      (r.monteCarlo.fanChart.cumulativeNet.kommune ?? []).map((y) => [
        y.calendarYear,
        y.mean,
        y.p5,
        y.p25,
        y.p50,
        y.p75,
        y.p95,
      ]),
    );
    const breakEven = sheetRows(workbook.getWorksheet('Break-even-år')!);
    const kommune = breakEven.find((row) => row[0] === 'Kommune');
    expect(kommune?.slice(1)).toEqual([
      ...(r.monteCarlo.breakEven.kommune?.byYear ?? []).map((y) => y.share),
      r.monteCarlo.breakEven.kommune?.never,
    ]);
  });

  it("fills the workbook's yearly tables by welfare area from the expected projection in the result", async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    expectContractAreaSheets(workbook, r.expected);
    expectPrintedAreaTables(rendered.html);
  });

  it("lists every trial, and the trials reproduce the result's Monte Carlo summary", async () => {
    const workbook = await readWorkbook(await workbookBuffer(rendered.source, 'da'));
    const trials = sheetRows(workbook.getWorksheet('Forsøg')!);
    expect(trials).toHaveLength(1 + TRIALS);
    const column = columnOf(trials[0], 'Netto kommune');
    const sorted = trials
      .slice(1)
      .map((row) => row[column] as number)
      .sort((a, b) => a - b);
    const stored = r.monteCarlo.outputs.netAtHorizon.kommune!;
    // The JSON keeps Monte Carlo money to 2 decimals.
    expect(Number(sorted[0].toFixed(2))).toBe(stored.min);
    expect(Number(sorted[sorted.length - 1].toFixed(2))).toBe(stored.max);
  });
});
