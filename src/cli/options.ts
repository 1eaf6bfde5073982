import { InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { WELFARE_AREAS, type WelfareArea } from '../engine/shared/actors';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatOption(formats: readonly string[] = OUTPUT_FORMATS): Option {
  return new Option('--format <format>', 'output format').choices(formats).default('table');
}

const MAX_WORKERS = 64;

/**
 * `--workers N`: threads that compute, by default every core. The runner starts worker threads
 * only once the work left would repay their start-up, so a short run stays in one thread
 * whatever the setting; results never depend on it.
 */
export function workersOption(): Option {
  return new Option('--workers <n>', 'threads that compute (results do not depend on it)')
    .argParser(integerIn(1, MAX_WORKERS))
    .default(Math.min(MAX_WORKERS, availableParallelism()), 'all cores');
}

/** An integer option within bounds; commander reports the option name and value on failure. */
export function integerIn(min: number, max: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value))
      throw new InvalidArgumentError(`must be a whole number, got '${value}'`);
    const n = Number(value);
    if (n < min || n > max)
      throw new InvalidArgumentError(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`must be a non-negative number, got '${value}'`);
  }
  return n;
}

export function rate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError(`must be a rate between 0 and 1, got '${value}'`);
  }
  return n;
}

export function welfareAreaList(value: string): WelfareArea[] {
  const areas = value.split(',').map((a) => a.trim());
  const unknown = areas.filter((a) => !(WELFARE_AREAS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown welfare area '${unknown.join(',')}'; expected any of ${WELFARE_AREAS.join(', ')}`,
    );
  }
  return areas as WelfareArea[];
}
