// Builds the web page into dist/web/ (run after `nest build`, which empties dist/):
// the TypeScript in web/src compiled to ES modules, the HTML and CSS, and echarts from
// node_modules, so the page works offline (no CDN).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const web = dirname(fileURLToPath(import.meta.url));
const out = join(web, '..', 'dist', 'web');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor'), { recursive: true });
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', join(web, 'tsconfig.json')],
  {
    stdio: 'inherit',
  },
);
for (const file of ['index.html', 'styles.css']) copyFileSync(join(web, file), join(out, file));
const echarts = dirname(require.resolve('echarts/package.json'));
copyFileSync(join(echarts, 'dist', 'echarts.min.js'), join(out, 'vendor', 'echarts.min.js'));
copyFileSync(join(echarts, 'LICENSE'), join(out, 'vendor', 'echarts.LICENSE.txt'));
console.log(`web page built in ${out}`);
