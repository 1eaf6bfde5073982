import type { Page } from 'playwright-core';
import { formatKroner, formatPercent } from '../../src/cli/format';
import {
  api,
  cell,
  fill,
  openPage,
  recordApiRequests,
  RUN_TIMEOUT_MS,
  screenshot,
  simulateThroughApi,
  startBrowserTest,
  type BrowserTestContext,
} from './page';

/**
 * The negotiating table in a real browser: editing a contract's numbers with the API's
 * validation messages, comparing payment models, sharing a run, switching language.
 */

/** The parts of a contract simulation's result JSON (docs/result-schema.md) the table shows. */
interface Quantiles {
  p5: number;
  p50: number;
  p95: number;
}
interface ContractResult {
  monteCarlo: {
    outputs: { netAtHorizon: Record<string, Quantiles>; investorIrr: Quantiles };
    probabilities: { investorLoss: number; netNegativeAtHorizon: Record<string, number> };
    breakEven: Record<string, { byYear: { calendarYear: number; share: number }[] }>;
  };
}
interface SimulationBody {
  scenario: {
    overrides: {
      intervention?: { participants?: number };
      paymentModel?: { components: { price: string }[] };
    };
  };
  trials: number;
  seed: string;
}

const COMPARE = '#view-compare';
const RATE_CARD_PRICE = 'models.1.paymentModel.components.0.price';

let context: BrowserTestContext;

beforeAll(async () => {
  context = await startBrowserTest();
}, RUN_TIMEOUT_MS);

afterAll(async () => {
  await context?.close();
});

async function runComparison(page: Page): Promise<void> {
  await page.click('#compare-run');
  await page.waitForSelector('#compare-results:not([hidden])', { timeout: RUN_TIMEOUT_MS });
}

/** The first calendar year by which half the trials have broken even (the page's median), or null. */
function medianBreakEven(distribution: { byYear: { calendarYear: number; share: number }[] }) {
  let share = 0;
  for (const year of distribution.byYear) {
    share += year.share;
    if (share >= 0.5) return year.calendarYear;
  }
  return null;
}

describe('the negotiating table web page', () => {
  it('opens in Danish and switches to English labels', async () => {
    const page = await openPage(context);
    expect(await page.textContent('#tab-compare')).toBe('Kontrakter og sammenligning');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.click('#language');
    expect(await page.textContent('#tab-compare')).toBe('Contracts and comparison');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#language');
    await page.close();
  });

  it('stops an invalid success rate with the API’s own message and sends nothing', async () => {
    const page = await openPage(context);
    const requests = recordApiRequests(page);
    await fill(page, COMPARE, 'intervention.grossSuccessRate', '1,5');
    await page.click('#compare-run');

    // The API's answer to the same edit of the same template.
    const rejected = await api<{ violations: { path: string; message: string }[] }>(
      context,
      'POST',
      '/contracts',
      { templateId: 'ips-holbaek', overrides: { intervention: { grossSuccessRate: 1.5 } } },
    );
    expect(rejected.status).toBe(400);
    const violation = rejected.body.violations.find(
      (v) => v.path === 'intervention.grossSuccessRate',
    );
    expect(violation?.message).toBe('grossSuccessRate must not be greater than 1');

    const shown = await page.textContent('[data-error-for="intervention.grossSuccessRate"]');
    expect(shown).toBe(violation!.message);
    expect(await page.locator('#compare-violations .violation').allTextContents()).toEqual([
      `intervention.grossSuccessRate: ${violation!.message}`,
    ]);
    expect(requests.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    await screenshot(page, 'contract-editor-validation', COMPARE);
    await page.close();
  });

  it('shows the API’s message for a domain rule when an edited contract is saved', async () => {
    const page = await openPage(context);
    // Deadweight above the success rate is a valid number but breaks a contract rule.
    await fill(page, COMPARE, 'intervention.deadweightRate', '0,5');
    await page.click('[data-model="1"] [data-action="save"]');
    await page.waitForSelector('#compare-violations:not([hidden])', { timeout: RUN_TIMEOUT_MS });
    const rejected = await api<{ violations: { path: string; message: string }[] }>(
      context,
      'POST',
      '/contracts',
      { templateId: 'ips-holbaek-rate-card', overrides: { intervention: { deadweightRate: 0.5 } } },
    );
    expect(rejected.status).toBe(400);
    const violation = rejected.body.violations.find(
      (v) => v.path === 'intervention.deadweightRate',
    );
    expect(violation).toBeDefined();
    expect(await page.textContent('[data-error-for="intervention.deadweightRate"]')).toBe(
      violation!.message,
    );
    await page.close();
  });

  it('compares two payment models after an edit and shows the numbers the API computes', async () => {
    const page = await openPage(context);
    const requests = recordApiRequests(page);
    await fill(page, COMPARE, 'intervention.participants', '200');
    await fill(page, COMPARE, RATE_CARD_PRICE, '280000');
    await fill(page, COMPARE, 'trials', '1000');
    await runComparison(page);

    const bodies = requests
      .filter((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/simulations')
      .map((r) => r.postDataJSON() as SimulationBody);
    expect(bodies).toHaveLength(2);
    expect(bodies[0].scenario.overrides.intervention?.participants).toBe(200);
    expect(bodies[1].scenario.overrides.paymentModel?.components[0].price).toBe('280000');
    expect(bodies.map((b) => [b.trials, b.seed])).toEqual([
      [1000, 'dsi'],
      [1000, 'dsi'],
    ]);

    for (const [m, body] of bodies.entries()) {
      const result = await simulateThroughApi<ContractResult>(context, body);
      const mc = result.monteCarlo;
      const kommuneNet = await cell(page, `${m}:kommune.medianNet`);
      expect(kommuneNet.value).toBe(mc.outputs.netAtHorizon.kommune.p50);
      expect(kommuneNet.text).toBe(formatKroner(mc.outputs.netAtHorizon.kommune.p50));
      const kommuneLoss = await cell(page, `${m}:kommune.lossProbability`);
      expect(kommuneLoss.value).toBe(mc.probabilities.netNegativeAtHorizon.kommune);
      expect(kommuneLoss.text).toBe(formatPercent(mc.probabilities.netNegativeAtHorizon.kommune));
      const breakEven = await cell(page, `${m}:kommune.breakEven`);
      expect(breakEven.value).toBe(medianBreakEven(mc.breakEven.kommune));
    }
    const rateCard = await simulateThroughApi<ContractResult>(context, bodies[1]);
    const irr = await cell(page, '1:investor.irrMedian');
    expect(irr.value).toBe(rateCard.monteCarlo.outputs.investorIrr.p50);
    expect(irr.text).toBe(formatPercent(rateCard.monteCarlo.outputs.investorIrr.p50));
    const investorLoss = await cell(page, '1:investor.lossProbability');
    expect(investorLoss.value).toBe(rateCard.monteCarlo.probabilities.investorLoss);
    await screenshot(page, 'compare');
    await page.close();
  });

  it('reopens a shared link to the same inputs, seed and numbers', async () => {
    const page = await openPage(context);
    await fill(page, COMPARE, RATE_CARD_PRICE, '295000');
    await fill(page, COMPARE, 'trials', '800');
    await fill(page, COMPARE, 'seed', 'delt-link');
    await runComparison(page);
    const link = await page.getAttribute('#compare-share-link', 'href');
    expect(link).toContain('#compare?s=');
    const table = await page.locator('#compare-table').textContent();

    const reopened = await context.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await reopened.goto(link!);
    await reopened.waitForSelector('#compare-results:not([hidden])', { timeout: RUN_TIMEOUT_MS });
    expect(await reopened.inputValue(`${COMPARE} [data-path="${RATE_CARD_PRICE}"]`)).toBe('295000');
    expect(await reopened.inputValue(`${COMPARE} [data-path="seed"]`)).toBe('delt-link');
    expect(await reopened.locator('#compare-table').textContent()).toBe(table);
    await reopened.close();
    await page.close();
  });

  it('cancels a long run from the page and stays responsive while it runs', async () => {
    const page = await openPage(context);
    const requests = recordApiRequests(page);
    await fill(page, COMPARE, 'trials', '2000000');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-status [data-action="cancel"]', {
      timeout: RUN_TIMEOUT_MS,
    });
    // The page answers while the runs go on: the language switch still works.
    await page.click('#language');
    expect(await page.textContent('#tab-compare')).toBe('Contracts and comparison');
    await page.click('#language');
    await page.click('#compare-status [data-action="cancel"]');
    await page.waitForSelector('#compare-status .note', { timeout: RUN_TIMEOUT_MS });

    const posted = requests.filter((r) => r.method() === 'POST');
    const runIds = await Promise.all(
      posted.map(async (r) => ((await (await r.response())!.json()) as { id: string }).id),
    );
    expect(runIds).toHaveLength(2);
    const deleted = requests
      .filter((r) => r.method() === 'DELETE')
      .map((r) => new URL(r.url()).pathname);
    expect(deleted.sort()).toEqual(runIds.map((id) => `/simulations/${id}`).sort());
    // The page does not wait for the DELETE's answer; the service settles each run shortly after.
    // A run that finished before its DELETE arrived stays done (a finished run is never undone);
    // every other run is cancelled, and at least one run was stopped by the page.
    const statuses: string[] = [];
    for (const id of runIds) {
      let status = 'running';
      for (let poll = 0; poll < 100 && (status === 'running' || status === 'queued'); poll++) {
        if (poll > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await api<{ status: string }>(context, 'GET', `/simulations/${id}`)).body.status;
      }
      expect(['cancelled', 'done']).toContain(status);
      statuses.push(status);
    }
    expect(statuses).toContain('cancelled');
    await page.close();
  });
});
