import type { ContractProjection } from '../contract';
import { NEGOTIATING_ACTORS, type CandidateMetrics } from './types';

/**
 * The deterministic projection read as a one-trial distribution: every probability is 0 or 1,
 * the mean and the median are the projection's own figures.
 */
export function metricsFromProjection(projection: ContractProjection): CandidateMetrics {
  const actors = Object.fromEntries(
    NEGOTIATING_ACTORS.map((actor) => {
      const net = projection.net[actor].toNumber();
      return [
        actor,
        {
          netNegativeProbability: net < 0 ? 1 : 0,
          expectedNet: net,
          medianCumulativeNet: projection.byYear.map((year) =>
            year.cumulativeNet[actor].toNumber(),
          ),
        },
      ];
    }),
  ) as CandidateMetrics['actors'];
  const investor = projection.investor;
  return {
    startYear: projection.startYear,
    horizonYears: projection.horizonYears,
    actors,
    investor: investor
      ? {
          expectedIrr: investor.irr,
          lossProbability: investor.multiple !== null && investor.multiple.lt(1) ? 1 : 0,
        }
      : null,
  };
}
