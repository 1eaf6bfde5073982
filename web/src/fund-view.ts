import { ApiError, CancelledError, getJson, runSimulation } from './api.js';
import { fundFanOption, peopleBarsOption, renderChart } from './charts.js';
import { byId, clearViolations, field, h, progress, showViolations } from './dom.js';
import { formatDateTime, formatKroner, formatNumber } from './format.js';
import { t } from './i18n.js';
import { checkField, SEED_FIELD, TRIALS_FIELD } from './model.js';
import { writeHash } from './state.js';

/**
 * The policy analyst's view: a fund scenario (the 25 mio. kr. injection) through the fund
 * Monte Carlo, with the fund's value in bands and the people helped and in employment by year.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface FundState {
  scenarioFile: string;
  trials: string;
  seed: string;
}

const DEFAULT_STATE: FundState = { scenarioFile: 'dsi-25m-injection', trials: '2000', seed: 'dsi' };

export class FundView {
  private state: FundState = { ...DEFAULT_STATE };
  private result: Json = null;
  private runAt: string | null = null;
  private abort: AbortController | null = null;
  private readonly root = byId('view-fund');

  async init(initial: FundState | null, runNow: boolean): Promise<void> {
    if (initial) this.state = { ...DEFAULT_STATE, ...initial };
    const scenarios =
      await getJson<{ id: string; name: string; kind: string }[]>('/simulations/scenarios');
    const funds = scenarios.filter((s) => s.kind === 'fund');
    byId('fund-scenario').replaceChildren(
      ...funds.map((s) =>
        h('option', { value: s.id, text: s.name, selected: s.id === this.state.scenarioFile }),
      ),
    );
    byId('fund-settings').replaceChildren(
      field('trials', 'trials', this.state.trials),
      field('seed', 'seed', this.state.seed),
    );
    byId('fund-run').addEventListener('click', () => void this.run());
    if (initial && runNow) await this.run();
  }

  rerender(): void {
    this.renderResult();
  }

  private readInputs(): void {
    const value = (path: string) =>
      this.root.querySelector<HTMLInputElement>(`[data-path="${path}"]`)?.value ?? '';
    this.state.scenarioFile = byId<HTMLSelectElement>('fund-scenario').value;
    this.state.trials = value('trials');
    this.state.seed = value('seed');
  }

  async run(): Promise<void> {
    this.readInputs();
    const summary = byId('fund-violations');
    const violations = [
      ...checkField(TRIALS_FIELD, this.state.trials).map((message) => ({
        path: 'trials',
        message,
      })),
      ...checkField(SEED_FIELD, this.state.seed).map((message) => ({ path: 'seed', message })),
    ];
    if (violations.length > 0) return showViolations(this.root, summary, violations, 'invalid');
    clearViolations(this.root, summary);
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const status = byId('fund-status');
    status.replaceChildren();
    const bar = progress(status, () => abort.abort());
    try {
      const run = await runSimulation<Json>(
        {
          scenarioFile: this.state.scenarioFile,
          trials: Number(this.state.trials),
          seed: this.state.seed,
        },
        { signal: abort.signal, onProgress: (fraction, s) => bar.set(fraction, s) },
      );
      this.result = run.result;
      this.runAt = run.finishedAt;
      const url = writeHash('fund', this.state);
      const share = byId<HTMLAnchorElement>('fund-share-link');
      share.href = url;
      byId('fund-share').hidden = false;
      this.renderResult();
    } catch (error) {
      if (error instanceof CancelledError)
        status.append(h('p', { class: 'note', i18n: 'cancelled' }));
      else if (error instanceof ApiError)
        showViolations(this.root, summary, error.violations, 'apiRejected');
      else throw error;
    } finally {
      bar.done();
      if (this.abort === abort) this.abort = null;
    }
  }

  private renderResult(): void {
    const container = byId('fund-result');
    if (!this.result) {
      container.hidden = true;
      return;
    }
    container.hidden = false;
    byId('fund-run-at').textContent = this.runAt
      ? `${t('runAt')} ${formatDateTime(this.runAt, 'da-DK')}`
      : '';
    const mc = this.result.monteCarlo;
    const expected = this.result.expected;
    const byYear = mc.byYear as Json[];
    const years = byYear.map((y) => y.year as number);
    const pick = (column: string, q: string) => byYear.map((y) => y[column][q] as number);
    const expectedValue = (expected.byYear as Json[]).map((y) => Number(y.fundValue ?? y.cash));
    renderChart(
      byId('chart-fund'),
      fundFanOption(
        years,
        {
          p5: pick('fundValue', 'p5'),
          p25: pick('fundValue', 'p25'),
          p50: pick('fundValue', 'p50'),
          p75: pick('fundValue', 'p75'),
          p95: pick('fundValue', 'p95'),
        },
        expectedValue,
      ),
    );
    renderChart(
      byId('chart-people'),
      peopleBarsOption(years, pick('peopleHelped', 'p50'), pick('peopleEmployed', 'p50')),
    );
    const cell = (key: string, raw: unknown, text: string) =>
      h('td', { class: 'num', 'data-cell': key, 'data-value': JSON.stringify(raw), text });
    byId('fund-table').replaceChildren(
      h(
        'table',
        { class: 'results' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { i18n: 'year' }),
            h('th', { i18n: 'capitalDeployed' }),
            h('th', { i18n: 'repayments' }),
            h('th', { text: `${t('fundValue').split('(')[0].trim()} (median)` }),
            h('th', { i18n: 'band90' }),
            h('th', { i18n: 'peopleHelped' }),
            h('th', { i18n: 'peopleEmployed' }),
          ),
        ),
        h(
          'tbody',
          {},
          ...byYear.map((y, i) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', text: String(y.year) }),
              cell(
                `${i}.capitalDeployed`,
                y.capitalDeployed.p50,
                formatKroner(y.capitalDeployed.p50),
              ),
              cell(
                `${i}.repaymentsReceived`,
                y.repaymentsReceived.p50,
                formatKroner(y.repaymentsReceived.p50),
              ),
              cell(`${i}.fundValue`, y.fundValue.p50, formatKroner(y.fundValue.p50)),
              cell(
                `${i}.fundValueBand`,
                [y.fundValue.p5, y.fundValue.p95],
                `${formatKroner(y.fundValue.p5)} – ${formatKroner(y.fundValue.p95)}`,
              ),
              cell(`${i}.peopleHelped`, y.peopleHelped.p50, formatNumber(y.peopleHelped.p50)),
              cell(`${i}.peopleEmployed`, y.peopleEmployed.p50, formatNumber(y.peopleEmployed.p50)),
            ),
          ),
        ),
      ),
    );
  }
}
