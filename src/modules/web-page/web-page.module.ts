import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * `dist/web/`, where `npm run build` puts the page (web/build.mjs); resolves from `src/modules`
 * (ts-jest) and `dist/modules` alike, so the end-to-end tests serve the built page.
 */
export const WEB_PAGE_DIR = path.resolve(__dirname, '../../../dist/web');

/**
 * Serves the negotiating table's web page at `/` from the same process as the API (no second
 * server, no CDN). Registered when the modules initialise, after the API's routes and before
 * Nest's 404 handler, so a file only answers paths no route claims.
 */
@Module({})
export class WebPageModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    if (!existsSync(path.join(WEB_PAGE_DIR, 'index.html'))) {
      new Logger('WebPage').warn(`no web page at ${WEB_PAGE_DIR}: run npm run build`);
      return;
    }
    const adapter = this.adapterHost.httpAdapter as unknown as ExpressAdapter;
    adapter.useStaticAssets(WEB_PAGE_DIR, { index: 'index.html', fallthrough: true, maxAge: 0 });
  }
}
