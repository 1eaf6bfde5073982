import { ApiError, CancelledError, postJson, type Violation } from './api.js';
import { leverMapOption, renderChart, zoneChartOption, type ZoneLine } from './charts.js';
import type { CompareView } from './compare-view.js';
import { byId, clearViolations, field, h, showViolations } from './dom.js';
import { formatKroner, formatNumber, formatPercent } from './format.js';
import { t } from './i18n.js';
import { checkField, parseNumber, type FieldSpec, type TableState } from './model.js';
import { writeHash } from './state.js';

/**
 * The zone of agreement: one lever (or two, a map) and each party's conditions, sent to
 * `POST /negotiations/solve` with the model's scenario; every candidate runs on the same seed.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const LEVERS = [
  'pricePerOutcome',
  'totalCap',
  'statShare',
  'repaymentMultiple',
  'trancheInterestRate',
  'firstLossCover',
] as const;

/** The conditions the form offers (each one a field of the API's AgreementConditionsDto). */
const CONDITION_FIELDS: (FieldSpec<string> & { party: string; kind: string; initial: string })[] = [
  {
    key: 'investor.minExpectedIrr',
    party: 'investor',
    kind: 'minExpectedIrr',
    label: 'minExpectedIrr',
    path: 'conditions.investor.minExpectedIrr',
    rule: 'rate',
    min: -1,
    initial: '',
  },
  {
    key: 'investor.maxLossProbability',
    party: 'investor',
    kind: 'maxLossProbability',
    label: 'maxLossProbability',
    path: 'conditions.investor.maxLossProbability',
    rule: 'rate',
    initial: '0,4',
  },
  {
    key: 'kommune.maxNetNegativeProbability',
    party: 'kommune',
    kind: 'maxNetNegativeProbability',
    label: 'maxNetNegativeProbability',
    path: 'conditions.kommune.maxNetNegativeProbability',
    rule: 'rate',
    initial: '0,3',
  },
  {
    key: 'kommune.breakEvenByYear',
    party: 'kommune',
    kind: 'breakEvenByYear',
    label: 'breakEvenByYear',
    path: 'conditions.kommune.breakEvenByYear',
    rule: 'integer',
    min: 1990,
    max: 2100,
    initial: '',
  },
  {
    key: 'stat.maxNetNegativeProbability',
    party: 'stat',
    kind: 'maxNetNegativeProbability',
    label: 'maxNetNegativeProbability',
    path: 'conditions.stat.maxNetNegativeProbability',
    rule: 'rate',
    initial: '',
  },
];

const LEVER_MIN: FieldSpec<string> = {
  key: 'min',
  label: 'rangeMin',
  path: 'lever.min',
  rule: 'count',
};
const LEVER_MAX: FieldSpec<string> = {
  key: 'max',
  label: 'rangeMax',
  path: 'lever.max',
  rule: 'count',
};
const TRIALS: FieldSpec<string> = {
  key: 'trials',
  label: 'trials',
  path: 'trials',
  rule: 'integer',
  min: 1,
  max: 50000,
};
const GRID: FieldSpec<string> = {
  key: 'grid',
  label: 'gridPoints',
  path: 'gridPoints',
  rule: 'integer',
  min: 2,
  max: 51,
};

export interface SolverState {
  model: number;
  lever: string;
  min: string;
  max: string;
  lever2: string;
  min2: string;
  max2: string;
  conditions: Record<string, string>;
  providerCovered: boolean;
  trials: string;
  seed: string;
  grid: string;
}

const DEFAULT_STATE: SolverState = {
  model: 1,
  lever: 'pricePerOutcome',
  min: '',
  max: '',
  lever2: '',
  min2: '',
  max2: '',
  conditions: Object.fromEntries(CONDITION_FIELDS.map((c) => [c.key, c.initial])),
  providerCovered: true,
  trials: '1000',
  seed: 'dsi',
  grid: '',
};

/** A rate-like field with its own bounds: the IRR hurdle may be negative (−1 … 1). */
function check(spec: FieldSpec<string>, text: string): string[] {
  if (text.trim() === '') return [];
  if (spec.key === 'investor.minExpectedIrr') {
    const p = 'minExpectedIrr';
    const value = parseNumber(text);
    if (Number.isNaN(value))
      return [`${p} must be a number conforming to the specified constraints`];
    if (value < -1) return [`${p} must not be less than -1`];
    return value > 1 ? [`${p} must not be greater than 1`] : [];
  }
  return checkField(spec, text);
}

export function formatLeverValue(unit: string, value: number | string): string {
  const n = Number(value);
  if (unit === 'kroner') return formatKroner(typeof value === 'string' ? value : n.toFixed(2));
  if (unit === 'multiple') return `${formatNumber(n, 2)} ×`;
  return formatPercent(n, 2);
}

export class SolverView {
  private state: SolverState = structuredClone(DEFAULT_STATE);
  private result: Json = null;
  private abort: AbortController | null = null;
  private readonly root = byId('view-solve');

  constructor(private readonly table: CompareView) {}

  init(initial: SolverState | null, runNow: boolean): Promise<void> | void {
    if (initial) this.state = { ...structuredClone(DEFAULT_STATE), ...initial };
    byId('solve-run').addEventListener('click', () => void this.run());
    this.render();
    if (initial && runNow) return this.run();
  }

  rerender(): void {
    this.readInputs();
    this.render();
    this.renderResult();
  }

  /** Called when the view is shown: the models may have changed in the table. */
  refreshModels(): void {
    this.readInputs();
    const models = this.table.currentModels();
    const select = byId<HTMLSelectElement>('solve-model');
    this.state.model = Math.min(this.state.model, models.length - 1);
    select.replaceChildren(
      ...models.map((model, m) =>
        h('option', { value: String(m), text: model.label, selected: m === this.state.model }),
      ),
    );
  }

  private readInputs(): void {
    const value = (path: string) =>
      this.root.querySelector<HTMLInputElement>(`[data-path="${CSS.escape(path)}"]`)?.value ?? '';
    const select = (id: string) => byId<HTMLSelectElement>(id).value;
    if (!this.root.querySelector('[data-path="lever.min"]')) return;
    this.state.model = Number(select('solve-model') || this.state.model);
    this.state.lever = select('solve-lever');
    this.state.lever2 = select('solve-lever2');
    this.state.min = value('lever.min');
    this.state.max = value('lever.max');
    this.state.min2 = value('lever2.min');
    this.state.max2 = value('lever2.max');
    for (const c of CONDITION_FIELDS) this.state.conditions[c.key] = value(c.path);
    this.state.providerCovered = byId<HTMLInputElement>('solve-provider').checked;
    this.state.trials = value('trials');
    this.state.seed = value('seed');
    this.state.grid = value('gridPoints');
  }

  private render(): void {
    const leverOptions = (selected: string, withNone: boolean) => [
      ...(withNone ? [h('option', { value: '', i18n: 'none', selected: selected === '' })] : []),
      ...LEVERS.map((lever) =>
        h('option', { value: lever, i18n: lever, selected: lever === selected }),
      ),
    ];
    byId('solve-lever').replaceChildren(...leverOptions(this.state.lever, false));
    byId('solve-lever2').replaceChildren(...leverOptions(this.state.lever2, true));
    byId('solve-range').replaceChildren(
      field('rangeMin', 'lever.min', this.state.min),
      field('rangeMax', 'lever.max', this.state.max),
    );
    byId('solve-range2').replaceChildren(
      field('rangeMin', 'lever2.min', this.state.min2),
      field('rangeMax', 'lever2.max', this.state.max2),
    );
    const parties = ['investor', 'kommune', 'stat'];
    byId('solve-conditions').replaceChildren(
      ...parties.map((party) =>
        h(
          'fieldset',
          { class: 'party' },
          h('legend', { i18n: party }),
          ...CONDITION_FIELDS.filter((c) => c.party === party).map((c) =>
            field(c.label, c.path, this.state.conditions[c.key] ?? ''),
          ),
        ),
      ),
      h(
        'fieldset',
        { class: 'party' },
        h('legend', { i18n: 'provider' }),
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id: 'solve-provider',
            checked: this.state.providerCovered,
          }),
          h('span', { i18n: 'revenueCoversBudget' }),
        ),
      ),
    );
    byId('solve-settings').replaceChildren(
      field('trials', 'trials', this.state.trials),
      field('seed', 'seed', this.state.seed),
      field('gridPoints', 'gridPoints', this.state.grid),
    );
  }

  private validate(): Violation[] {
    const violations: Violation[] = [];
    const add = (path: string, messages: string[]) =>
      messages.forEach((message) => violations.push({ path, message }));
    for (const c of CONDITION_FIELDS) add(c.path, check(c, this.state.conditions[c.key] ?? ''));
    for (const [spec, text, path] of [
      [LEVER_MIN, this.state.min, 'lever.min'],
      [LEVER_MAX, this.state.max, 'lever.max'],
      [LEVER_MIN, this.state.min2, 'lever2.min'],
      [LEVER_MAX, this.state.max2, 'lever2.max'],
    ] as const) {
      if (text.trim() !== '') add(path, checkField({ ...spec, path }, text));
    }
    add('trials', checkField(TRIALS, this.state.trials));
    if (this.state.grid.trim() !== '') add('gridPoints', checkField(GRID, this.state.grid));
    if (this.state.lever2 === this.state.lever)
      add('lever2.name', ['lever2.name must differ from lever.name']);
    return violations;
  }

  private requestBody(table: ReturnType<CompareView['currentModels']>) {
    const number = (text: string) => (text.trim() === '' ? undefined : parseNumber(text));
    const conditions: Record<string, Record<string, number | boolean>> = {};
    for (const c of CONDITION_FIELDS) {
      const value = number(this.state.conditions[c.key] ?? '');
      if (value !== undefined) (conditions[c.party] ??= {})[c.kind] = value;
    }
    if (this.state.providerCovered) (conditions.provider ??= {}).revenueCoversBudget = true;
    const lever = (name: string, min: string, max: string) => ({
      name,
      min: number(min),
      max: number(max),
    });
    return {
      scenario: table[this.state.model].scenario(),
      lever: lever(this.state.lever, this.state.min, this.state.max),
      ...(this.state.lever2
        ? { lever2: lever(this.state.lever2, this.state.min2, this.state.max2) }
        : {}),
      conditions,
      trials: number(this.state.trials),
      seed: this.state.seed,
      ...(this.state.grid.trim() ? { gridPoints: number(this.state.grid) } : {}),
    };
  }

  async run(): Promise<void> {
    this.readInputs();
    const summary = byId('solve-violations');
    const tableViolations = this.table.validate();
    const violations = [...tableViolations, ...this.validate()];
    if (violations.length > 0) {
      showViolations(this.root, summary, violations, 'invalid');
      return;
    }
    clearViolations(this.root, summary);
    const body = this.requestBody(this.table.currentModels());
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const status = byId('solve-status');
    const started = Date.now();
    const label = h('span', { class: 'progress-label', i18n: 'running' });
    const cancel = h('button', {
      type: 'button',
      class: 'secondary',
      i18n: 'cancel',
      'data-action': 'cancel',
    });
    cancel.addEventListener('click', () => abort.abort());
    status.replaceChildren(h('div', { class: 'progress-row' }, h('progress', {}), label, cancel));
    const timer = setInterval(() => {
      label.textContent = `${t('running')} ${formatNumber((Date.now() - started) / 1000, 0)} ${t('elapsed')}`;
    }, 500);
    try {
      const response = await postJson<Json>('/negotiations/solve', body, abort.signal);
      this.result = response.result;
      status.replaceChildren();
      const url = writeHash('solve', {
        table: this.table.tableState() satisfies TableState,
        solver: this.state,
      });
      const share = byId<HTMLAnchorElement>('solve-share-link');
      share.href = url;
      byId('solve-share').hidden = false;
      this.renderResult();
    } catch (error) {
      if (error instanceof CancelledError)
        status.replaceChildren(h('p', { class: 'note', i18n: 'cancelled' }));
      else if (error instanceof ApiError) {
        status.replaceChildren();
        showViolations(
          this.root,
          summary,
          error.violations.length ? error.violations : [{ path: '', message: error.message }],
          'apiRejected',
        );
      } else throw error;
    } finally {
      clearInterval(timer);
      if (this.abort === abort) this.abort = null;
    }
  }

  private renderResult(): void {
    const container = byId('solve-result');
    const result = this.result;
    if (!result) {
      container.hidden = true;
      return;
    }
    container.hidden = false;
    const method = result.method;
    const how =
      method.kind === 'monteCarlo'
        ? `Monte Carlo, ${formatNumber(method.trials)} ${t('trials').toLowerCase()}, seed '${method.seed}' (${t('commonRandomNumbers')})`
        : t('expected');
    byId('solve-method').textContent =
      `${t('method')}: ${how}; ${formatNumber(method.evaluations)} ${t('evaluations')}${
        method.tolerance !== undefined
          ? `, ${t('tolerance')} ${formatLeverValue(result.lever.unit, method.tolerance)}`
          : ''
      }`;
    if (result.kind === 'leverMap') return this.renderMap(result);
    const unit = result.lever.unit;
    const summary = byId('solve-summary');
    const conditionLabel = (id: string) => {
      const [party, kind] = id.split('.');
      return `${t(party)}: ${t(`cond_${kind}`)}`;
    };
    if (result.feasible) {
      summary.replaceChildren(
        h(
          'table',
          { class: 'results' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { i18n: 'from' }),
              h('th', { i18n: 'boundBy' }),
              h('th', { i18n: 'to' }),
              h('th', { i18n: 'boundBy' }),
            ),
          ),
          h(
            'tbody',
            {},
            ...(result.zones as Json[]).map((zone, z) =>
              h(
                'tr',
                {},
                h('td', {
                  class: 'num',
                  'data-zone': `${z}.from`,
                  'data-value': String(zone.from.value),
                  text: formatLeverValue(unit, zone.from.value),
                }),
                h('td', {
                  text:
                    zone.from.bound === 'rangeLimit'
                      ? t('endOfRange')
                      : zone.from.binding.map(conditionLabel).join(', '),
                }),
                h('td', {
                  class: 'num',
                  'data-zone': `${z}.to`,
                  'data-value': String(zone.to.value),
                  text: formatLeverValue(unit, zone.to.value),
                }),
                h('td', {
                  text:
                    zone.to.bound === 'rangeLimit'
                      ? t('endOfRange')
                      : zone.to.binding.map(conditionLabel).join(', '),
                }),
              ),
            ),
          ),
        ),
      );
    } else {
      summary.replaceChildren(
        h('p', { class: 'warning', 'data-zone': 'none', i18n: 'noZone' }),
        h(
          'p',
          {},
          `${t('closest')}: `,
          h('strong', {
            'data-best': String(result.best.value),
            text: formatLeverValue(unit, result.best.value),
          }),
        ),
        h(
          'ul',
          {},
          ...(result.best.failing as Json[]).map((f) =>
            h('li', {
              'data-failing': f.id,
              text: `${conditionLabel(f.id)}: ${f.unit === 'kroner' ? formatKroner(f.value) : formatPercent(f.value)} (${t('shortBy')} ${
                f.unit === 'kroner'
                  ? formatKroner(String(-Number(f.margin)))
                  : formatPercent(-f.margin)
              })`,
            }),
          ),
        ),
      );
    }
    byId('chart-map').hidden = true;
    byId('chart-zone').hidden = false;
    // A condition whose value never moves along the lever cannot bind here: it is left out.
    const lines: ZoneLine[] = (result.conditions as Json[])
      .map((condition, i) => ({
        label: conditionLabel(condition.id),
        unit: condition.unit,
        limit:
          condition.unit === 'kroner'
            ? Number(condition.kind === 'minExpectedNet' ? condition.limit : 0)
            : Number(condition.limit),
        points: (result.candidates as Json[])
          .filter((c) => c.checks[i].value !== null)
          .map((c) => [Number(c.value), Number(c.checks[i].value)] as [number, number]),
      }))
      .filter((line) => line.points.some(([, v]) => v !== line.points[0][1]));
    renderChart(
      byId('chart-zone'),
      zoneChartOption(
        lines,
        (result.zones as Json[]).map((zone) => [Number(zone.from.value), Number(zone.to.value)]),
        (v) => formatLeverValue(unit, v),
        [Number(result.lever.min), Number(result.lever.max)],
      ),
    );
  }

  private renderMap(result: Json): void {
    const [first, second] = result.levers;
    byId('solve-summary').replaceChildren(
      h('p', {
        'data-zone': 'map',
        text: `${formatNumber(result.feasibleCount)} / ${formatNumber(result.method.evaluations)}: ${t('feasible')}`,
      }),
    );
    byId('chart-zone').hidden = true;
    byId('chart-map').hidden = false;
    renderChart(
      byId('chart-map'),
      leverMapOption(
        [t(first.name), t(second.name)],
        (result.axes[0] as (string | number)[]).map((v) => formatLeverValue(first.unit, v)),
        (result.axes[1] as (string | number)[]).map((v) => formatLeverValue(second.unit, v)),
        result.cells,
      ),
    );
  }
}
