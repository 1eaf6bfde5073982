import type { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The real app, as built by `npm run build` (dist/), on a temporary SQLite file (never a mock of
 * our own database). Built code, not sources: simulation jobs then run their trials in worker
 * threads as in production, and the request thread stays free to answer.
 */
export function fromBuild<T>(moduleUnderDist: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, '../../dist', moduleUnderDist)) as T;
}

export const { createApp } = fromBuild<typeof import('../../src/app')>('app');
export interface TestApp {
  app: INestApplication;
  databasePath: string;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsi-e2e-'));
  const databasePath = path.join(dir, 'dsi.sqlite');
  const app = await createApp(databasePath);
  await app.init();
  return {
    app,
    databasePath,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The app for the enclosing describe block: started before its tests and closed after them.
 * Returns its HTTP server; call it inside tests and later hooks, once the app has started.
 */
export function useTestApp(): () => App {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp();
  });
  afterAll(() => started?.close());
  return () => {
    if (started === undefined) throw new Error('the test app has not started yet');
    return started.app.getHttpServer() as App;
  };
}
