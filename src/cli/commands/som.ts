import { Command } from 'commander';
import { loadKnowledgeBase } from '../../data/knowledge';
import { PUBLIC_ACTORS, WELFARE_AREAS, type WelfareArea } from '../../engine/shared/actors';
import { valuationToJson, valueSuccesses } from '../../engine/som';
import { DEFAULT_PRICE_YEAR, DEFAULT_VALUATION_HORIZON } from '../../engine/som/defaults';
import { formatKroner, renderCsv, renderTable } from '../format';
import {
  formatOption,
  integerIn,
  nonNegativeNumber,
  welfareAreaList,
  type OutputFormat,
} from '../options';

type Amounts = Record<'kommune' | 'region' | 'stat' | 'total', string>;
type ValuationJson = ReturnType<typeof valuationToJson>;

export function registerSomCommands(program: Command): void {
  const som = program
    .command('som')
    .description('SØM: the knowledge base and the valuation engine');

  som
    .command('list')
    .description('list target groups and success measures with their ids')
    .addOption(formatOption(['table', 'json']))
    .action((options: { format: OutputFormat }) => {
      const kb = loadKnowledgeBase();
      const rows = kb.targetGroups.flatMap((g) =>
        g.successMeasures.map((m) => ({
          targetGroupId: g.id,
          targetGroup: g.name.en,
          successMeasureId: m.id,
          successMeasure: m.name.en,
        })),
      );
      if (options.format === 'json') {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      console.log(
        renderTable(
          ['target group', 'success measure id', 'success measure'],
          rows.map((r) => [r.targetGroupId, r.successMeasureId, r.successMeasure]),
          3,
        ),
      );
    });

  som
    .command('value')
    .description('value successes of a success measure by year, actor and welfare area')
    .argument('<success-measure-id>', 'id from `dsi som list`')
    .option('--successes <n>', 'number of successes in the start year', nonNegativeNumber, 1)
    .option('--start-year <year>', 'calendar year of the successes', integerIn(1990, 2100))
    .option(
      '--horizon <years>',
      'years of consequences after the success',
      integerIn(1, 20),
      DEFAULT_VALUATION_HORIZON,
    )
    .option('--price-year <year>', 'price year', integerIn(1990, 2100), DEFAULT_PRICE_YEAR)
    .option(
      '--exclude <areas>',
      `welfare areas to leave out (${WELFARE_AREAS.join(',')})`,
      welfareAreaList,
    )
    .addOption(formatOption())
    .action(
      (
        measureId: string,
        options: {
          successes: number;
          startYear?: number;
          horizon: number;
          priceYear: number;
          exclude?: WelfareArea[];
          format: OutputFormat;
        },
      ) => {
        const startYear = options.startYear ?? options.priceYear;
        const valuation = valueSuccesses(loadKnowledgeBase(), {
          measureId,
          successes: [{ year: startYear, count: options.successes }],
          startYear,
          horizonYears: options.horizon,
          priceYear: options.priceYear,
          excludedAreas: options.exclude,
        });
        const json = valuationToJson(valuation);
        if (options.format === 'json') console.log(JSON.stringify(json, null, 2));
        else if (options.format === 'csv') process.stdout.write(valuationCsv(json));
        else console.log(valuationTable(json));
      },
    );
}

const actorColumns = [...PUBLIC_ACTORS, 'total'] as const;

function valuationTable(json: ValuationJson): string {
  const years = renderTable(
    ['year', ...actorColumns, 'discounted total'],
    json.byYear.map((y) => [
      y.year,
      ...actorColumns.map((a) => formatKroner(y.nominal[a])),
      formatKroner(y.discounted.total),
    ]),
  );
  const areas = renderTable(
    ['welfare area (NPV)', ...actorColumns],
    json.byArea.map((a) => [a.area, ...actorColumns.map((c) => formatKroner(a.npv[c]))]),
  );
  const npv = json.npv as Amounts;
  return [
    `SØM valuation of ${json.measureId}: ${json.successes} success(es), price year ${json.priceYear}, ` +
      `${json.horizonYears} years of consequences, discounted to ${json.startYear}`,
    '',
    years,
    '',
    areas,
    '',
    `NPV: kommune ${formatKroner(npv.kommune)}, region ${formatKroner(npv.region)}, ` +
      `stat ${formatKroner(npv.stat)}, total ${formatKroner(npv.total)}`,
  ].join('\n');
}

function valuationCsv(json: ValuationJson): string {
  return renderCsv(
    [
      'year',
      'area',
      ...actorColumns.map((a) => `nominal_${a}`),
      ...actorColumns.map((a) => `discounted_${a}`),
    ],
    json.byYear.flatMap((y) =>
      y.byArea.map((a) => [
        y.year,
        a.area,
        ...actorColumns.map((c) => a.nominal[c]),
        ...actorColumns.map((c) => a.discounted[c]),
      ]),
    ),
  );
}
