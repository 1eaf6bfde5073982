import { formatDanishNumber, formatKroner } from '../../src/cli/format';
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
 * The zone-of-agreement and fund views in a real browser: what they show is what the API
 * answers to the very request the page sent.
 */

/** The parts of the solver's and the fund simulation's JSON (docs/result-schema.md) the page shows. */
interface SolveBody {
  scenario: { contract: string };
  lever: { name: string };
  trials: number;
}
interface SolveAnswer {
  result: {
    kind: string;
    feasible: boolean;
    zones: { from: { value: string }; to: { value: string } }[];
    method: { kind: string; trials: number; commonRandomNumbers: boolean; evaluations: number };
    feasibleCount: number;
  };
}
interface FundResult {
  monteCarlo: { byYear: { fundValue: { p50: number }; peopleEmployed: { p50: number } }[] };
}

const SOLVE = '#view-solve';

let context: BrowserTestContext;

beforeAll(async () => {
  context = await startBrowserTest();
}, RUN_TIMEOUT_MS);

afterAll(async () => {
  await context?.close();
});

describe('the zone of agreement view', () => {
  it('shows the price range the solver finds for the rate-card model, as the API computes it', async () => {
    const page = await openPage(context);
    const requests = recordApiRequests(page);
    await page.click('#tab-solve');
    await fill(page, SOLVE, 'trials', '500');
    await page.click('#solve-run');
    await page.waitForSelector('#solve-result:not([hidden])', { timeout: RUN_TIMEOUT_MS });

    const sent = requests.find((r) => new URL(r.url()).pathname === '/negotiations/solve');
    const body = sent!.postDataJSON() as SolveBody;
    expect(body.scenario.contract).toBe('ips-holbaek-rate-card');
    expect(body.lever.name).toBe('pricePerOutcome');
    expect(body.trials).toBe(500);
    const answer = await api<SolveAnswer>(context, 'POST', '/negotiations/solve', body);
    expect(answer.status).toBe(200);
    const result = answer.body.result;
    expect(result.method).toMatchObject({
      kind: 'monteCarlo',
      trials: 500,
      commonRandomNumbers: true,
    });

    expect(result.feasible).toBe(true);
    const from = page.locator('[data-zone="0.from"]');
    const to = page.locator('[data-zone="0.to"]');
    expect(await from.getAttribute('data-value')).toBe(result.zones[0].from.value);
    expect(await from.textContent()).toBe(formatKroner(result.zones[0].from.value));
    expect(await to.textContent()).toBe(formatKroner(result.zones[0].to.value));
    expect(await page.textContent('#solve-method')).toContain(
      `${formatDanishNumber(result.method.evaluations)} beregninger`,
    );
    await screenshot(page, 'solver');
    await page.close();
  });

  it('maps two levers at once and marks as many feasible cells as the API', async () => {
    const page = await openPage(context);
    const requests = recordApiRequests(page);
    await page.click('#tab-solve');
    await page.selectOption('#solve-lever2', 'totalCap');
    await fill(page, SOLVE, 'trials', '300');
    await fill(page, SOLVE, 'gridPoints', '7');
    await page.click('#solve-run');
    await page.waitForSelector('[data-zone="map"]', { timeout: RUN_TIMEOUT_MS });

    const body = requests
      .find((r) => new URL(r.url()).pathname === '/negotiations/solve')!
      .postDataJSON() as SolveBody;
    const answer = await api<SolveAnswer>(context, 'POST', '/negotiations/solve', body);
    const map = answer.body.result;
    expect(map.kind).toBe('leverMap');
    expect(map.method.evaluations).toBe(49); // 7 × 7 grid
    expect(await page.textContent('[data-zone="map"]')).toContain(
      `${formatDanishNumber(map.feasibleCount)} / 49`,
    );
    await screenshot(page, 'solver-map');
    await page.close();
  });

  it('stops an out-of-range condition with the API’s message and sends nothing', async () => {
    const page = await openPage(context);
    await page.click('#tab-solve');
    const requests = recordApiRequests(page);
    await fill(page, SOLVE, 'conditions.investor.maxLossProbability', '1,2');
    await page.click('#solve-run');
    const rejected = await api<{ violations: { path: string; message: string }[] }>(
      context,
      'POST',
      '/negotiations/solve',
      {
        scenarioFile: 'ips-holbaek-rate-card',
        lever: { name: 'pricePerOutcome' },
        conditions: { investor: { maxLossProbability: 1.2 } },
      },
    );
    expect(rejected.status).toBe(400);
    expect(rejected.body.violations).toEqual([
      {
        path: 'conditions.investor.maxLossProbability',
        message: 'maxLossProbability must not be greater than 1',
      },
    ]);
    expect(
      await page.textContent('[data-error-for="conditions.investor.maxLossProbability"]'),
    ).toBe('maxLossProbability must not be greater than 1');
    expect(requests).toEqual([]);
    await page.close();
  });
});

describe('the fund view', () => {
  it('projects the 25 mio. kr. injection with the bands and people the API reports', async () => {
    const page = await openPage(context);
    const requests = recordApiRequests(page);
    await page.click('#tab-fund');
    await fill(page, '#view-fund', 'trials', '500');
    await page.click('#fund-run');
    await page.waitForSelector('#fund-result:not([hidden])', { timeout: RUN_TIMEOUT_MS });

    const body = requests
      .find((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/simulations')!
      .postDataJSON() as unknown;
    expect(body).toEqual({ scenarioFile: 'dsi-25m-injection', trials: 500, seed: 'dsi' });
    const result = await simulateThroughApi<FundResult>(context, body);
    const years = result.monteCarlo.byYear;
    expect(years.length).toBeGreaterThan(0);
    for (const [i, year] of years.entries()) {
      const value = await cell(page, `${i}.fundValue`);
      expect(value.value).toBe(year.fundValue.p50);
      expect(value.text).toBe(formatKroner(year.fundValue.p50));
      expect((await cell(page, `${i}.peopleEmployed`)).value).toBe(year.peopleEmployed.p50);
    }
    await screenshot(page, 'fund');
    await page.close();
  });
});
