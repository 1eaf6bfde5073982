import {
  ApiError,
  CancelledError,
  getJson,
  postJson,
  runSimulation,
  type Violation,
} from './api.js';
import {
  fanChartOption,
  gainsByAreaOption,
  histogramOption,
  MODEL_COLOURS,
  renderChart,
  tornadoOption,
} from './charts.js';
import { byId, clearViolations, field, h, progress, showViolations } from './dom.js';
import { formatDateTime, formatKroner, formatNumber, formatPercent } from './format.js';
import { t, type LabelKey } from './i18n.js';
import {
  applies,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  editedContract,
  fieldPath,
  INTERVENTION_FIELDS,
  interventionEditsOf,
  MAX_MODELS,
  MIN_MODELS,
  PAYMENT_FIELDS,
  paymentEditsOf,
  scenarioFor,
  validateTable,
  type ContractDoc,
  type ModelSource,
  type TableState,
} from './model.js';
import { writeHash } from './state.js';

/**
 * The negotiating table: two to four payment models of one intervention, edited side by side,
 * each run through the seeded Monte Carlo (`POST /simulations`), compared per actor.
 */

// Result JSON of a contract simulation (docs/result-schema.md); read loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface TemplateEntry {
  id: string;
  name: string;
  contract: ContractDoc;
}
interface StoredEntry {
  id: string;
  name: string;
  latestRevision: number;
}

export const ACTORS = ['kommune', 'region', 'stat', 'investor', 'provider'] as const;
export type Actor = (typeof ACTORS)[number];
const PUBLIC_LEVELS = ['kommune', 'region', 'stat'];
const WELFARE_AREAS = [
  'health',
  'social_services',
  'justice',
  'income_transfers',
  'income_tax',
  'education_employment',
];
const MODEL_LETTERS = 'ABCD';
const MEDIAN_SHARE = 0.5;

const sourceKey = (source: ModelSource) =>
  source.kind === 'template'
    ? `template:${source.id}`
    : `stored:${source.id}:${source.revision ?? ''}`;

/** The first calendar year by which at least half of the trials have broken even, or null (never). */
export function medianBreakEvenYear(distribution: Json): number | null {
  if (!distribution) return null;
  let share = 0;
  for (const year of distribution.byYear as { calendarYear: number; share: number }[]) {
    share += year.share;
    if (share >= MEDIAN_SHARE) return year.calendarYear;
  }
  return null;
}

/** P(net at the horizon < 0) of an actor, as the simulation reports it. */
export function lossProbability(mc: Json, actor: Actor): number | null {
  if (PUBLIC_LEVELS.includes(actor)) return mc.probabilities.netNegativeAtHorizon[actor];
  if (actor === 'investor') return mc.probabilities.investorLoss;
  return mc.breakEven[actor]?.never ?? null;
}

export class CompareView {
  private templates: TemplateEntry[] = [];
  private stored: StoredEntry[] = [];
  private readonly docs = new Map<string, ContractDoc>();
  private state!: TableState;
  private results: (Json | null)[] = [];
  private runIds: string[] = [];
  private runAt: string | null = null;
  private abort: AbortController | null = null;
  private readonly root = byId('view-compare');

  async init(initial: TableState | null, runNow: boolean): Promise<void> {
    [this.templates, this.stored] = await Promise.all([
      getJson<TemplateEntry[]>('/negotiations/templates'),
      getJson<StoredEntry[]>('/contracts'),
    ]);
    for (const template of this.templates)
      this.docs.set(`template:${template.id}`, template.contract);
    if (initial) {
      this.state = initial;
      await Promise.all(initial.models.map((model) => this.loadDoc(model.source)));
    } else {
      const sources: ModelSource[] = ['ips-holbaek', 'ips-holbaek-rate-card']
        .filter((id) => this.templates.some((tpl) => tpl.id === id))
        .map((id) => ({ kind: 'template', id }));
      while (sources.length < MIN_MODELS)
        sources.push({ kind: 'template', id: this.templates[sources.length].id });
      const docs = sources.map((source) => this.docs.get(sourceKey(source))!);
      this.state = {
        models: sources.map((source, i) => ({ source, payment: paymentEditsOf(docs[i]) })),
        intervention: interventionEditsOf(docs[0]),
        trials: DEFAULT_TRIALS,
        seed: DEFAULT_SEED,
      };
    }
    byId('compare-run').addEventListener('click', () => void this.run());
    byId('compare-add').addEventListener('click', () => void this.addModel());
    for (const id of ['compare-actor', 'compare-detail']) {
      byId(id).addEventListener('change', () => this.renderCharts());
    }
    this.render();
    if (initial && runNow) await this.run();
  }

  /** The edited contract and scenario of every model (for the solver view). */
  currentModels() {
    this.readInputs();
    return this.state.models.map((model, m) => ({
      label: `${MODEL_LETTERS[m]}: ${this.docFor(m).name}`,
      scenario: () => this.scenarioOf(m, false),
      doc: editedContract(this.docFor(m), this.state.intervention, model.payment),
    }));
  }

  tableState(): TableState {
    this.readInputs();
    return this.state;
  }

  validate(): Violation[] {
    this.readInputs();
    return validateTable(
      this.state,
      this.state.models.map((_, m) => this.docFor(m)),
    );
  }

  rerender(): void {
    this.readInputs();
    this.render();
    this.renderResults();
  }

  private docFor(m: number): ContractDoc {
    return this.docs.get(sourceKey(this.state.models[m].source))!;
  }

  private async loadDoc(source: ModelSource): Promise<ContractDoc> {
    const key = sourceKey(source);
    if (!this.docs.has(key)) {
      const path = source.revision
        ? `/contracts/${source.id}/revisions/${source.revision}`
        : `/contracts/${source.id}`;
      const stored = await getJson<{ contract: ContractDoc }>(path);
      this.docs.set(key, stored.contract);
    }
    return this.docs.get(key)!;
  }

  private scenarioOf(m: number, withSensitivity: boolean): ContractDoc {
    const model = this.state.models[m];
    const base = this.docFor(m);
    const edited = editedContract(base, this.state.intervention, model.payment);
    return scenarioFor(
      model.source,
      base,
      edited,
      this.state.intervention,
      withSensitivity,
    );
  }

  /** Copies what is typed into the state (text as typed). */
  private readInputs(): void {
    const value = (path: string) =>
      this.root.querySelector<HTMLInputElement>(`[data-path="${CSS.escape(path)}"]`)?.value;
    for (const spec of INTERVENTION_FIELDS) {
      this.state.intervention[spec.key] = value(spec.path) ?? this.state.intervention[spec.key];
    }
    this.state.models.forEach((model, m) => {
      for (const spec of PAYMENT_FIELDS) {
        const text = value(`models.${m}.${fieldPath(spec, this.docFor(m))}`);
        if (text !== undefined) model.payment[spec.key] = text;
      }
      const sharing = this.root.querySelector<HTMLSelectElement>(`[data-sharing="${m}"]`);
      if (sharing) model.payment.gainSharing = sharing.value as 'som' | 'fixed';
    });
    this.state.trials = value('trials') ?? this.state.trials;
    this.state.seed = value('seed') ?? this.state.seed;
  }

  private async addModel(): Promise<void> {
    this.readInputs();
    if (this.state.models.length >= MAX_MODELS) return;
    const source: ModelSource = { kind: 'template', id: this.templates[0].id };
    const doc = await this.loadDoc(source);
    this.state.models.push({ source, payment: paymentEditsOf(doc) });
    this.render();
  }

  private async changeSource(m: number, value: string): Promise<void> {
    this.readInputs();
    const [kind, id] = value.split(':');
    const source: ModelSource =
      kind === 'template' ? { kind: 'template', id } : { kind: 'stored', id };
    const doc = await this.loadDoc(source);
    this.state.models[m] = { source, payment: paymentEditsOf(doc) };
    if (m === 0) this.state.intervention = interventionEditsOf(doc);
    this.render();
  }

  private render(): void {
    const models = byId('compare-models');
    models.replaceChildren(...this.state.models.map((_, m) => this.modelCard(m)));
    byId<HTMLButtonElement>('compare-add').disabled = this.state.models.length >= MAX_MODELS;
    const iv = this.state.intervention;
    byId('compare-intervention').replaceChildren(
      ...INTERVENTION_FIELDS.map((spec) => field(spec.label, spec.path, iv[spec.key])),
    );
    byId('compare-settings').replaceChildren(
      field('trials', 'trials', this.state.trials),
      field('seed', 'seed', this.state.seed),
    );
  }

  private modelCard(m: number): HTMLElement {
    const model = this.state.models[m];
    const doc = this.docFor(m);
    const select = h(
      'select',
      { 'data-source': String(m), 'aria-label': t('source') },
      h(
        'optgroup',
        { label: t('templates') },
        ...this.templates.map((tpl) =>
          h('option', {
            value: `template:${tpl.id}`,
            text: tpl.name,
            selected: sourceKey(model.source) === `template:${tpl.id}`,
          }),
        ),
      ),
      this.stored.length > 0 &&
        h(
          'optgroup',
          { label: t('stored') },
          ...this.stored.map((c) =>
            h('option', {
              value: `stored:${c.id}`,
              text: `${c.name} (rev. ${c.latestRevision})`,
              selected: model.source.kind === 'stored' && model.source.id === c.id,
            }),
          ),
        ),
    );
    select.addEventListener('change', () => void this.changeSource(m, select.value));
    const sharing = h(
      'select',
      { 'data-sharing': String(m), disabled: !applies(doc, 'gainSharing') },
      h('option', {
        value: 'som',
        i18n: 'gainSharingSom',
        selected: model.payment.gainSharing === 'som',
      }),
      h('option', {
        value: 'fixed',
        i18n: 'gainSharingFixed',
        selected: model.payment.gainSharing === 'fixed',
      }),
    );
    const fields = PAYMENT_FIELDS.map((spec) => {
      const usable =
        applies(doc, spec.key) &&
        (spec.key !== 'statShare' || model.payment.gainSharing === 'fixed');
      const input = field(
        spec.label,
        `models.${m}.${fieldPath(spec, doc)}`,
        usable ? model.payment[spec.key] : '',
        !usable,
      );
      if (!usable) input.querySelector('input')!.placeholder = t('notApplicable');
      return input;
    });
    sharing.addEventListener('change', () => {
      this.readInputs();
      this.render();
    });
    const remove = h('button', {
      type: 'button',
      class: 'secondary',
      i18n: 'removeModel',
      disabled: this.state.models.length <= MIN_MODELS,
    });
    remove.addEventListener('click', () => {
      this.readInputs();
      this.state.models.splice(m, 1);
      this.render();
    });
    const save = h('button', {
      type: 'button',
      class: 'secondary',
      i18n: 'save',
      'data-action': 'save',
    });
    save.addEventListener('click', () => void this.save(m));
    return h(
      'section',
      {
        class: 'model-card',
        'data-model': String(m),
        style: `border-top-color: ${MODEL_COLOURS[m]}`,
      },
      h('h3', { text: `${t('model')} ${MODEL_LETTERS[m]}` }),
      h('label', { class: 'field' }, h('span', { i18n: 'source' }), select),
      h('label', { class: 'field' }, h('span', { i18n: 'gainSharing' }), sharing),
      ...fields,
      h('div', { class: 'card-actions' }, save, remove),
      h('p', { class: 'saved', 'data-saved': String(m) }),
    );
  }

  /** Stores the edited model as a contract (a new one from a template, a revision of a stored one). */
  private async save(m: number): Promise<void> {
    const summary = byId('compare-violations');
    const violations = this.validate();
    if (violations.length > 0) return showViolations(this.root, summary, violations, 'invalid');
    clearViolations(this.root, summary);
    const model = this.state.models[m];
    const base = this.docFor(m);
    const edited = editedContract(base, this.state.intervention, model.payment);
    try {
      const saved =
        model.source.kind === 'template'
          ? await postJson<{ id: string; revision: number }>('/contracts', {
              templateId: model.source.id,
              overrides: scenarioFor(model.source, base, edited, this.state.intervention, false)
                .overrides,
            })
          : await postJson<{ id: string; revision: number }>(
              `/contracts/${model.source.id}/revisions`,
              {
                contract: edited,
                note: 'edited at the negotiating table',
              },
            );
      this.stored = await getJson<StoredEntry[]>('/contracts');
      const source: ModelSource = { kind: 'stored', id: saved.id };
      this.docs.delete(sourceKey(source));
      await this.loadDoc(source);
      this.state.models[m] = { source, payment: model.payment };
      this.render();
      this.root.querySelector(`[data-saved="${m}"]`)!.textContent =
        `${t('saved')} ${saved.id} (rev. ${saved.revision})`;
    } catch (error) {
      if (error instanceof ApiError) {
        const prefix = `models.${m}.`;
        const mapped = error.violations.map((v) => ({
          path: v.path.startsWith('intervention.') ? v.path : prefix + v.path,
          message: v.message,
        }));
        showViolations(
          this.root,
          summary,
          mapped.length ? mapped : [{ path: '', message: error.message }],
          'apiRejected',
        );
      } else throw error;
    }
  }

  /** Validates on the page (nothing is sent when a field is invalid), then runs every model. */
  async run(): Promise<void> {
    const summary = byId('compare-violations');
    const violations = this.validate();
    if (violations.length > 0) {
      showViolations(this.root, summary, violations, 'invalid');
      return;
    }
    clearViolations(this.root, summary);
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const status = byId('compare-status');
    status.replaceChildren();
    const trials = Number(this.state.trials);
    const bars = this.state.models.map(() => progress(status, () => abort.abort()));
    byId('compare-share').hidden = true;
    try {
      const runs = await Promise.all(
        this.state.models.map((_, m) =>
          runSimulation<Json>(
            { scenario: this.scenarioOf(m, true), trials, seed: this.state.seed },
            { signal: abort.signal, onProgress: (fraction, s) => bars[m].set(fraction, s) },
          ),
        ),
      );
      this.results = runs.map((r) => r.result);
      this.runIds = runs.map((r) => r.id);
      this.runAt = runs[0].finishedAt;
      const url = writeHash('compare', this.state);
      const share = byId<HTMLAnchorElement>('compare-share-link');
      share.href = url;
      byId('compare-share').hidden = false;
      this.renderResults();
    } catch (error) {
      if (error instanceof CancelledError)
        status.append(h('p', { class: 'note', i18n: 'cancelled' }));
      else if (error instanceof ApiError) {
        showViolations(
          this.root,
          summary,
          error.violations.length ? error.violations : [{ path: '', message: error.message }],
          'apiRejected',
        );
      } else throw error;
    } finally {
      bars.forEach((bar) => bar.done());
      if (this.abort === abort) this.abort = null;
    }
  }

  private renderResults(): void {
    const container = byId('compare-results');
    if (this.results.length === 0 || this.results.some((r) => r === null)) {
      container.hidden = true;
      return;
    }
    container.hidden = false;
    byId('compare-run-at').textContent = this.runAt
      ? `${t('runAt')} ${formatDateTime(this.runAt, 'da-DK')}`
      : '';
    byId('compare-table').replaceChildren(this.resultTable());
    const detail = byId<HTMLSelectElement>('compare-detail');
    const selected = Math.min(Number(detail.value || 0), this.results.length - 1);
    detail.replaceChildren(
      ...this.results.map((r, m) =>
        h('option', {
          value: String(m),
          text: `${MODEL_LETTERS[m]}: ${r.expected.contract.name}`,
          selected: m === selected,
        }),
      ),
    );
    this.renderCharts();
  }

  private resultTable(): HTMLTableElement {
    const header = h(
      'tr',
      {},
      h('th', { i18n: 'actor' }),
      h('th', { i18n: 'metric' }),
      ...this.results.map((r, m) =>
        h(
          'th',
          {
            class: 'model-head',
            'data-run-id': this.runIds[m],
            style: `color: ${MODEL_COLOURS[m]}`,
          },
          h('strong', { text: `${t('model')} ${MODEL_LETTERS[m]}` }),
          h('span', { text: r.expected.contract.name }),
        ),
      ),
    );
    const rows: HTMLTableRowElement[] = [];
    const row = (
      actor: Actor,
      metric: LabelKey,
      cell: (mc: Json, expected: Json) => [unknown, string],
    ) => {
      rows.push(
        h(
          'tr',
          {},
          h('th', { i18n: actor, scope: 'row' }),
          h('td', { i18n: metric }),
          ...this.results.map((r, m) => {
            const [raw, text] = cell(r.monteCarlo, r.expected);
            return h('td', {
              class: 'num',
              'data-cell': `${m}:${actor}.${metric}`,
              'data-value': JSON.stringify(raw),
              text,
            });
          }),
        ),
      );
    };
    for (const actor of ACTORS) {
      // An actor with no flow in any model (a region outside the contract) gets no rows.
      const takesPart = this.results.some((r) => {
        const net = r.monteCarlo.outputs.netAtHorizon[actor];
        if (net === null) return false;
        return actor === 'kommune' || net.p5 !== 0 || net.p95 !== 0;
      });
      if (!takesPart) continue;
      row(actor, 'medianNet', (mc) => {
        const net = mc.outputs.netAtHorizon[actor];
        return [net?.p50 ?? null, net ? formatKroner(net.p50) : '–'];
      });
      row(actor, 'band90', (mc) => {
        const net = mc.outputs.netAtHorizon[actor];
        return [
          net ? [net.p5, net.p95] : null,
          net ? `${formatKroner(net.p5)} – ${formatKroner(net.p95)}` : '–',
        ];
      });
      row(actor, 'lossProbability', (mc) => {
        const p = mc.outputs.netAtHorizon[actor] ? lossProbability(mc, actor) : null;
        return [p, formatPercent(p)];
      });
      row(actor, 'breakEven', (mc) => {
        const year = medianBreakEvenYear(mc.breakEven[actor]);
        const applicable = mc.breakEven[actor] !== null;
        return [year, !applicable ? '–' : (year ?? t('never')).toString()];
      });
      if (actor === 'investor') {
        row(actor, 'irrMedian', (mc) => [
          mc.outputs.investorIrr?.p50 ?? null,
          formatPercent(mc.outputs.investorIrr?.p50),
        ]);
        row(actor, 'multipleMedian', (mc) => [
          mc.outputs.investorMultiple?.p50 ?? null,
          mc.outputs.investorMultiple
            ? `${formatNumber(mc.outputs.investorMultiple.p50, 2)} ×`
            : '–',
        ]);
      }
    }
    return h('table', { class: 'results' }, h('thead', {}, header), h('tbody', {}, ...rows));
  }

  private renderCharts(): void {
    if (this.results.length === 0) return;
    const actor = byId<HTMLSelectElement>('compare-actor').value as Actor;
    renderChart(
      byId('chart-fan'),
      fanChartOption(
        this.results
          .map((r, m) => ({ r, m }))
          .filter(({ r }) => r.monteCarlo.fanChart.cumulativeNet[actor])
          .map(({ r, m }) => {
            const years = r.monteCarlo.fanChart.cumulativeNet[actor] as Json[];
            return {
              label: `${MODEL_LETTERS[m]}: ${r.expected.contract.name}`,
              index: m,
              years: years.map((y) => y.calendarYear),
              p5: years.map((y) => y.p5),
              p50: years.map((y) => y.p50),
              p95: years.map((y) => y.p95),
            };
          }),
      ),
    );
    const withInvestor = this.results
      .map((r, m) => ({ r, m }))
      .filter(({ r }) => r.monteCarlo.outputs.investorMultiple);
    byId('chart-histogram-box').hidden = withInvestor.length === 0;
    if (withInvestor.length > 0) {
      renderChart(
        byId('chart-histogram'),
        histogramOption(
          withInvestor.map(({ r, m }) => ({
            label: `${MODEL_LETTERS[m]}: ${r.expected.contract.name}`,
            index: m,
            edges: r.monteCarlo.outputs.investorMultiple.histogram.edges,
            counts: r.monteCarlo.outputs.investorMultiple.histogram.counts,
          })),
        ),
      );
    }
    const detail =
      this.results[Number(byId<HTMLSelectElement>('compare-detail').value || 0)] ?? this.results[0];
    const parameters = (detail.sensitivity?.parameters ?? []) as Json[];
    byId('chart-tornado-box').hidden = parameters.length === 0;
    if (parameters.length > 0) {
      renderChart(
        byId('chart-tornado'),
        tornadoOption(
          parameters.map((p) => ({
            name: t(`sens_${p.parameter}`),
            low: p.low.netAtHorizon.kommune,
            high: p.high.netAtHorizon.kommune,
            base: p.base.netAtHorizon.kommune,
          })),
        ),
      );
    }
    const byArea = detail.expected.somGainsByArea as Record<string, Record<string, string>>;
    renderChart(
      byId('chart-gains'),
      gainsByAreaOption(
        WELFARE_AREAS,
        Object.fromEntries(
          PUBLIC_LEVELS.map((level) => [
            level,
            WELFARE_AREAS.map((area) => Number(byArea[area][level])),
          ]),
        ),
      ),
    );
  }
}
