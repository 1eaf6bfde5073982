/**
 * `npm run bench`: whole-process timings of `dsi simulate`, as a user runs it from the shell.
 * Each case spawns `node dist/cli/main.js simulate ...` and reads wall time and peak memory
 * (maximum resident set size) from the child's own resource usage. Figures go to
 * docs/benchmarks.md by hand, with the machine, date and Node version printed here.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, 'main.js');
const REPO = path.resolve(__dirname, '../..');

interface BenchCase {
  scenario: string;
  trials: number;
  workers: number;
}

const CASES: BenchCase[] = [
  ...[10_000, 100_000, 1_000_000].flatMap((trials) =>
    [1, 2].map((workers) => ({ scenario: 'simulations/ips-holbaek.json', trials, workers })),
  ),
  ...[10_000, 100_000].flatMap((trials) =>
    [1, 2].map((workers) => ({ scenario: 'simulations/dsi-25m-injection.json', trials, workers })),
  ),
];

function runCase(c: BenchCase): { wallSeconds: number; peakMb: number } {
  // GNU time prints "<elapsed seconds> <max RSS in KiB>" for the whole child process.
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      CLI,
      'simulate',
      c.scenario,
      '--trials',
      String(c.trials),
      '--workers',
      String(c.workers),
      '--format',
      'json',
      '--out',
      '/dev/null',
    ],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`bench case failed: ${result.stderr}`);
  const [elapsed, maxRssKb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wallSeconds: elapsed, peakMb: maxRssKb / 1024 };
}

function main(): void {
  const only = process.argv[2];
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log('| scenario | trials | workers | wall time (s) | trials/s | peak memory (MB) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of CASES.filter((x) => !only || x.scenario.includes(only))) {
    const { wallSeconds, peakMb } = runCase(c);
    const rate = Math.round(c.trials / wallSeconds);
    console.log(
      `| ${path.basename(c.scenario, '.json')} | ${c.trials} | ${c.workers} | ${wallSeconds.toFixed(2)} | ${rate} | ${peakMb.toFixed(0)} |`,
    );
  }
}

main();
