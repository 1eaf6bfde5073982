import { resizeCharts } from './charts.js';
import { CompareView } from './compare-view.js';
import { byId } from './dom.js';
import { FundView, type FundState } from './fund-view.js';
import { setLanguage, type Language } from './i18n.js';
import type { TableState } from './model.js';
import { SolverView, type SolverState } from './solver-view.js';
import { hashFor, readHash, VIEWS, type View } from './state.js';

/**
 * The negotiating table's page: three views (compare, solve, fund) over the same HTTP API the
 * CLI's users script. A link with state (#view?s=…) restores the inputs and seed and reruns them.
 */

const LANGUAGE_KEY = 'dsi-language';

function show(view: View): void {
  for (const name of VIEWS) {
    byId(`view-${name}`).hidden = name !== view;
    byId(`tab-${name}`).setAttribute('aria-selected', String(name === view));
  }
  resizeCharts();
}

async function main(): Promise<void> {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  let language: Language = stored === 'en' ? 'en' : 'da';
  setLanguage(language);

  const { view, state } = readHash();
  const shared = (state ?? null) as Record<string, unknown> | null;
  const compare = new CompareView();
  const solver = new SolverView(compare);
  const fund = new FundView();
  show(view);

  const tableState =
    view === 'compare' ? (shared as TableState | null) : ((shared?.table as TableState) ?? null);
  await compare.init(tableState, view === 'compare' && shared !== null);
  solver.refreshModels();
  await solver.init(
    view === 'solve' ? ((shared?.solver as SolverState) ?? null) : null,
    view === 'solve' && shared !== null,
  );
  await fund.init(
    view === 'fund' ? (shared as FundState | null) : null,
    view === 'fund' && shared !== null,
  );

  for (const name of VIEWS) {
    byId(`tab-${name}`).addEventListener('click', () => {
      history.replaceState(null, '', hashFor(name));
      if (name === 'solve') solver.refreshModels();
      show(name);
    });
  }
  byId('language').addEventListener('click', () => {
    language = language === 'da' ? 'en' : 'da';
    localStorage.setItem(LANGUAGE_KEY, language);
    setLanguage(language);
    compare.rerender();
    solver.refreshModels();
    solver.rerender();
    fund.rerender();
  });
  window.addEventListener('resize', resizeCharts);
  document.body.dataset.ready = 'true';
}

main().catch((error: Error) => {
  const box = document.getElementById('fatal');
  if (box) {
    box.hidden = false;
    box.textContent = error.message;
  }
  throw error;
});
