import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * PDF from the report's HTML through headless Chromium (Debian's `chromium`, driven by
 * playwright-core; nothing is downloaded). The page has no script and no external resource, so
 * Chromium needs no network: it only lays out and prints.
 */

/** Debian's chromium package; `DSI_CHROMIUM` points elsewhere. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless print server: no sandbox (we may run as root), no background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DSI_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
}

/** One browser for many PDFs (a test file, a server); close it when done. */
export interface PdfPrinter {
  print(html: string, footerLabel: string): Promise<Buffer>;
  close(): Promise<void>;
}

function footerTemplate(label: string): string {
  const escaped = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    '<div style="font-size:7pt;color:#777;width:100%;padding:0 13mm;display:flex;justify-content:space-between;font-family:sans-serif">' +
    `<span>${escaped}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

export async function launchPdfPrinter(
  executablePath: string = chromiumPath(),
): Promise<PdfPrinter> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: install Debian's chromium package or set DSI_CHROMIUM`,
    );
  }
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    async print(html: string, footerLabel: string): Promise<Buffer> {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(footerLabel),
        });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

/** One PDF: launches Chromium, prints, closes it. */
export async function htmlToPdf(html: string, footerLabel: string): Promise<Buffer> {
  const printer = await launchPdfPrinter();
  try {
    return await printer.print(html, footerLabel);
  } finally {
    await printer.close();
  }
}
