import type { RunInfo } from './source';
import type { ReportLanguage, ReproductionItem } from './types';

/** The facts that let anyone reproduce a result: what ran, with which seed, trials and software. */

const LABELS = {
  da: {
    label: 'Kørt',
    runId: 'Kørsels-id',
    createdAt: 'Tidspunkt',
    softwareVersion: 'Softwareversion',
    seed: 'Seed',
    trials: 'Antal forsøg',
    quantiles: 'Fraktiler',
    command: 'Genskab med',
  },
  en: {
    label: 'Run',
    runId: 'Run id',
    createdAt: 'Time',
    softwareVersion: 'Software version',
    seed: 'Seed',
    trials: 'Trials',
    quantiles: 'Quantiles',
    command: 'Reproduce with',
  },
};

export interface MonteCarloSettings {
  seed: string | number;
  trials: number;
  quantileDefinition?: string;
}

export function reproductionItems(
  run: RunInfo,
  language: ReportLanguage,
  monteCarlo?: MonteCarloSettings,
): ReproductionItem[] {
  const l = LABELS[language];
  const items: ReproductionItem[] = [{ label: l.label, value: run.label }];
  if (run.runId) items.push({ label: l.runId, value: run.runId });
  if (run.createdAt) items.push({ label: l.createdAt, value: run.createdAt });
  items.push({ label: l.softwareVersion, value: run.softwareVersion });
  if (monteCarlo) {
    items.push({ label: l.seed, value: String(monteCarlo.seed) });
    items.push({ label: l.trials, value: String(monteCarlo.trials) });
    if (monteCarlo.quantileDefinition) {
      items.push({ label: l.quantiles, value: monteCarlo.quantileDefinition });
    }
  }
  if (run.command) items.push({ label: l.command, value: run.command });
  return items;
}
