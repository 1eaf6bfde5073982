import Decimal from 'decimal.js';
import { Money } from '../shared/decimal';
import { decimalArith, type Arith } from '../shared/arith';
import { COUNT_METRICS, type Contract, type CountMetric, type OutcomeMetric } from './types';

/**
 * What happens to the participants, by contract year (index 0 = year 1): the input the payment
 * formulas read. The projection fills it with expected values (observations overriding); a Monte
 * Carlo trial fills it with sampled counts in floats.
 */
export interface OutcomesByYear<T> {
  years: number;
  started: T[];
  /** Drop out in their start year (frafald). */
  dropouts: T[];
  completers: T[];
  /** Completers whose outcome is measured this year (the cohort a success rate is taken over). */
  measured: T[];
  grossSuccesses: T[];
  /** Successes beyond the deadweight: the ones that carry SØM gains. */
  additionalSuccesses: T[];
  /** Units of each custom outcome metric by year. */
  metrics: Record<string, T[]>;
  /** Observed cohort improvement per threshold component id; absent → computed from the counts. */
  thresholdImprovement: Record<string, T>;
}

/** The shares of completers measured 0, 1, 2, … years after their start year. */
export function outcomeLagShares(lag: number | readonly number[]): Decimal[] {
  if (typeof lag === 'number') {
    return Array.from({ length: lag + 1 }, (_, k) => new Money(k === lag ? 1 : 0));
  }
  return lag.map((share) => new Money(share));
}

/** Σ_s basis[s] × kernel[y − s] for y = 0..years−1 (a discrete convolution, truncated at the horizon). */
export function convolve<T>(
  basis: readonly T[],
  kernel: readonly T[],
  years: number,
  ar: Arith<T>,
): T[] {
  return Array.from({ length: years }, (_, y) => {
    let total = ar.zero;
    for (let s = 0; s <= y; s++) {
      const k = kernel[y - s];
      if (k !== undefined) total = ar.add(total, ar.mul(basis[s], k));
    }
    return total;
  });
}

/**
 * Units of each custom outcome metric by year from the counts: units(y) = Σ_s basis(s) ×
 * unitsPerCount[y − s]. The projection and a Monte Carlo trial derive metrics with this one rule.
 */
export function customMetricUnits<T>(
  metrics: readonly OutcomeMetric[],
  counts: Record<CountMetric, readonly T[]>,
  years: number,
  ar: Arith<T>,
): Record<string, T[]> {
  const units: Record<string, T[]> = {};
  for (const metric of metrics) {
    const kernel = metric.unitsPerCount.map((perCount) => ar.of(perCount));
    units[metric.id] = convolve(counts[metric.basis], kernel, years, ar);
  }
  return units;
}

/**
 * Expected counts by contract year at the contract's expected rates:
 *   started(y)    = participants × intake[y] (0 after an observed stop)
 *   dropouts(y)   = started(y) × dropoutRate
 *   completers(y) = started(y) − dropouts(y)
 *   measured(y)   = Σ_s completers(s) × lagShare[y − s]
 *   gross(y)      = measured(y) × grossSuccessRate
 *   additional(y) = measured(y) × (grossSuccessRate − deadweightRate)
 * Each observed value replaces the expected one, and the counts after it build on it; an observed
 * gross count without an additional count gives additional = max(0, gross − deadweightRate × measured).
 * Exact by default (the projection); in floats for the sensitivity sweeps' hundreds of evaluations.
 */
export function expectedOutcomes(contract: Contract): OutcomesByYear<Decimal>;
export function expectedOutcomes<T>(contract: Contract, ar: Arith<T>): OutcomesByYear<T>;
export function expectedOutcomes<T>(
  contract: Contract,
  ar: Arith<T> = decimalArith as unknown as Arith<T>,
): OutcomesByYear<T> {
  const years = contract.horizonYears;
  const { intervention, observed } = contract;
  const lastActiveYear = observed?.stoppedAfterYear ?? years;
  const observedByYear = new Map((observed?.byYear ?? []).map((entry) => [entry.year, entry]));
  const at = (y: number) => observedByYear.get(y + 1);
  const observedValue = (
    y: number,
    key: 'started' | 'dropouts' | 'measured' | 'grossSuccesses' | 'additionalSuccesses',
  ): T | undefined => {
    const value = at(y)?.[key];
    return value === undefined ? undefined : ar.of(value);
  };
  const grossRate = ar.of(intervention.grossSuccessRate);
  const deadweightRate = ar.of(intervention.deadweightRate);
  const dropoutRate = ar.of(intervention.dropoutRate);

  const started = Array.from({ length: years }, (_, y) => {
    const planned =
      y + 1 <= lastActiveYear
        ? ar.mul(ar.of(intervention.participants), ar.of(intervention.intake[y] ?? 0))
        : ar.zero;
    return observedValue(y, 'started') ?? planned;
  });
  const dropouts = started.map(
    (count, y) => observedValue(y, 'dropouts') ?? ar.mul(count, dropoutRate),
  );
  const completers = started.map((count, y) => ar.max(ar.zero, ar.sub(count, dropouts[y])));
  const lagShares = outcomeLagShares(intervention.outcomeLagYears).map((share) =>
    ar.fromDecimal(share),
  );
  const measured = convolve(completers, lagShares, years, ar).map(
    (count, y) => observedValue(y, 'measured') ?? count,
  );
  const grossSuccesses = measured.map(
    (count, y) => observedValue(y, 'grossSuccesses') ?? ar.mul(count, grossRate),
  );
  const additionalSuccesses = measured.map((count, y) => {
    const observedAdditional = observedValue(y, 'additionalSuccesses');
    if (observedAdditional !== undefined) return observedAdditional;
    if (at(y)?.grossSuccesses !== undefined) {
      return ar.max(ar.zero, ar.sub(grossSuccesses[y], ar.mul(deadweightRate, count)));
    }
    return ar.mul(count, ar.sub(grossRate, deadweightRate));
  });

  const counts: Record<CountMetric, T[]> = {
    started,
    completers,
    measured,
    grossSuccesses,
    additionalSuccesses,
  };
  const expectedUnits = customMetricUnits(intervention.outcomeMetrics ?? [], counts, years, ar);
  const metrics: Record<string, T[]> = {};
  for (const [id, units] of Object.entries(expectedUnits)) {
    metrics[id] = units.map((value, y) => {
      const observedUnits = at(y)?.metrics?.[id];
      return observedUnits === undefined ? value : ar.of(observedUnits);
    });
  }
  const thresholdImprovement: Record<string, T> = {};
  for (const [id, value] of Object.entries(observed?.thresholdImprovement ?? {})) {
    thresholdImprovement[id] = ar.of(value);
  }
  return {
    years,
    started,
    dropouts,
    completers,
    measured,
    grossSuccesses,
    additionalSuccesses,
    metrics,
    thresholdImprovement,
  };
}

/** The yearly units of a metric id: one of the counts or a custom metric (undefined if unknown). */
export function metricSeries<T>(outcomes: OutcomesByYear<T>, metric: string): T[] | undefined {
  if ((COUNT_METRICS as readonly string[]).includes(metric)) {
    return outcomes[metric as CountMetric];
  }
  return outcomes.metrics[metric];
}

/** The same outcomes in another number type, e.g. Decimal → number for a Monte Carlo baseline. */
export function mapOutcomes<A, B>(
  outcomes: OutcomesByYear<A>,
  convert: (value: A) => B,
): OutcomesByYear<B> {
  const series = (values: A[]) => values.map(convert);
  return {
    years: outcomes.years,
    started: series(outcomes.started),
    dropouts: series(outcomes.dropouts),
    completers: series(outcomes.completers),
    measured: series(outcomes.measured),
    grossSuccesses: series(outcomes.grossSuccesses),
    additionalSuccesses: series(outcomes.additionalSuccesses),
    metrics: Object.fromEntries(
      Object.entries(outcomes.metrics).map(([id, values]) => [id, series(values)]),
    ),
    thresholdImprovement: Object.fromEntries(
      Object.entries(outcomes.thresholdImprovement).map(([id, value]) => [id, convert(value)]),
    ),
  };
}
