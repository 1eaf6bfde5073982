import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createApp } from '../../src/app';

/** The real app on a temporary SQLite file (never a mock of our own database). */
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
