/**
 * `npm run bench`: whole-process timings of `dsi simulate`, as a user runs it from the shell.
 * Each case spawns `node dist/cli/main.js simulate ...` REPEATS times and reads wall time and
 * peak memory (maximum resident set size) from GNU time; it reports the median and the fastest
 * wall time (a shared machine's noise is ±10%) and the largest peak. Figures go to
 * docs/benchmarks.md by hand, with the machine, date and Node version printed here.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import seedrandom from 'seedrandom';

const CLI = path.resolve(__dirname, 'main.js');
const REPO = path.resolve(__dirname, '../..');

/** Runs per case: enough for a stable median, few enough that the whole bench takes a minute. */
const REPEATS = 5;

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

/**
 * The host's speed on the day, so figures from different days can be compared: this shared
 * machine's speed drifts (the same commit has measured 0.31 and 0.37 s at 100,000 trials on
 * different days). Two readings: the median wall time of a bare `node -e 0` (start-up, mostly
 * I/O), and seedrandom's xor128 uniforms per second in a warm loop (compute, as in the trials).
 */
function hostSpeed(): string {
  const starts = Array.from({ length: 2 * REPEATS + 1 }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }).sort((a, b) => a - b);
  const next = seedrandom.xor128('host speed');
  let sum = 0;
  for (let i = 0; i < 5_000_000; i++) sum += next(); // warm-up
  const draws = 50_000_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < draws; i++) sum += next();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!(sum > 0)) throw new Error('xor128 gave no draws');
  return `bare node start ${starts[REPEATS].toFixed(0)} ms; xor128 ${(draws / seconds / 1e6).toFixed(0)} M uniforms/s`;
}

function main(): void {
  const only = process.argv[2];
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${hostSpeed()}`,
  );
  console.log(
    `| scenario | trials | workers | median wall time (s) | fastest (s) | trials/s (median) | peak memory (MB) |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const c of CASES.filter((x) => !only || x.scenario.includes(only))) {
    const runs = Array.from({ length: REPEATS }, () => runCase(c));
    const walls = runs.map((run) => run.wallSeconds).sort((a, b) => a - b);
    const median = walls[Math.floor(walls.length / 2)];
    const peakMb = Math.max(...runs.map((run) => run.peakMb));
    console.log(
      `| ${path.basename(c.scenario, '.json')} | ${c.trials} | ${c.workers} | ${median.toFixed(2)} | ${walls[0].toFixed(2)} | ${Math.round(c.trials / median)} | ${peakMb.toFixed(0)} |`,
    );
  }
}

main();
