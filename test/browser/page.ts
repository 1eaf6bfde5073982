import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The web page in headless Chromium (Debian's `chromium`, driven by playwright-core) against the
 * real app on a temporary SQLite file, listening on a free port. The page is the one
 * `npm run build` put in dist/web.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Screenshots of each view: into docs/screenshots/ (shown in the README) when
 * SCREENSHOTS=update, else into a temporary directory, so a test run leaves the tree as it was
 * (each picture carries the time of its run).
 */
export const SCREENSHOTS =
  process.env.SCREENSHOTS === 'update'
    ? path.resolve(__dirname, '../../docs/screenshots')
    : path.join(tmpdir(), 'dsi-screenshots');
/** Wide enough for four payment models side by side. */
export const VIEWPORT = { width: 1400, height: 1000 };
/** A Monte Carlo of a few thousand trials finishes in seconds; the page waits at most this long. */
export const RUN_TIMEOUT_MS = 90_000;
const POLL_INTERVAL_MS = 200;

export interface BrowserTestContext {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserTest(): Promise<BrowserTestContext> {
  const app = await startTestApp();
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/** A fresh page at the app's root, ready when the page has loaded its templates. */
export async function openPage(context: BrowserTestContext, hash = ''): Promise<Page> {
  const page = await context.browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${context.baseUrl}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: RUN_TIMEOUT_MS });
  if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
  return page;
}

/** Every request the page sends to the API (not its own files), in order. */
export function recordApiRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const isFile = url.pathname === '/' || /\.(js|css|html|png|ico|txt)$/.test(url.pathname);
    if (!isFile) requests.push(request);
  });
  return requests;
}

export async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

/** Types into the input for an API path (the page names each input by the path the API reports). */
export async function fill(page: Page, scope: string, path: string, value: string): Promise<void> {
  await page.fill(`${scope} [data-path="${path}"]`, value);
}

export async function api<T>(
  context: BrowserTestContext,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${context.baseUrl}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The same simulation request sent straight to the API, waited for, and its result. */
export async function simulateThroughApi<R>(
  context: BrowserTestContext,
  body: unknown,
): Promise<R> {
  const queued = await api<{ id: string }>(context, 'POST', '/simulations', body);
  if (queued.status !== 202) throw new Error(`POST /simulations answered ${queued.status}`);
  for (;;) {
    const run = await api<{ status: string; result: R; error: string | null }>(
      context,
      'GET',
      `/simulations/${queued.body.id}`,
    );
    if (run.body.status === 'done') return run.body.result;
    if (run.body.status !== 'queued' && run.body.status !== 'running') {
      throw new Error(`run ${queued.body.id} ended ${run.body.status}: ${run.body.error}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** The text and the raw JSON value of a result cell (`data-cell`). */
export async function cell(page: Page, key: string): Promise<{ text: string; value: unknown }> {
  const locator = page.locator(`[data-cell="${key}"]`);
  const [text, raw] = await Promise.all([
    locator.textContent(),
    locator.getAttribute('data-value'),
  ]);
  return { text: (text ?? '').trim(), value: raw === null ? undefined : JSON.parse(raw) };
}
