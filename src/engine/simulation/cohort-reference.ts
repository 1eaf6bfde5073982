import { CategoricalSampler } from './distributions';
import { CohortSimulator, type CohortDrawSpec, type CohortTrialBuffers } from './cohort';
import type { Xor128Stream } from './rng';

/**
 * The REFERENCE implementation of `CohortSimulator.drawTrial`: the same model, one person at a
 * time, one uniform per decision (dropout, its year, success, deadweight, lag, relapse per
 * year). Slow and obviously right; tests check that the binomial version has the same
 * distribution. Not for production runs.
 */
export class PerParticipantCohortSimulator {
  private readonly model: CohortSimulator;
  private readonly dropoutTiming: CategoricalSampler;
  private readonly successLag: CategoricalSampler;

  constructor(spec: CohortDrawSpec) {
    this.model = new CohortSimulator(spec);
    this.dropoutTiming = new CategoricalSampler(spec.dropoutTiming, 'dropoutTiming');
    this.successLag = new CategoricalSampler(spec.successLag, 'successLag');
  }

  drawTrial(stream: Xor128Stream, out: CohortTrialBuffers): void {
    const model = this.model;
    const horizon = model.horizonYears;
    const drawn = out.drawn;
    model.drawParameters(stream, drawn);
    for (const buffer of [
      out.started,
      out.dropouts,
      out.grossSuccesses,
      out.additionalSuccesses,
      out.deadweightSuccesses,
      out.relapses,
      out.additionalRelapses,
    ]) {
      buffer.fill(0);
    }
    const deadweightShare = CohortSimulator.deadweightShare(drawn);
    model.participantsByYear.forEach((intake, intakeYear) => {
      out.started[intakeYear] += intake;
      for (let person = 0; person < intake; person++) {
        if (stream.nextDouble() < drawn.dropoutRate) {
          const dropoutYear = intakeYear + this.dropoutTiming.sample(stream);
          if (dropoutYear < horizon) out.dropouts[dropoutYear]++;
          continue;
        }
        if (!(stream.nextDouble() < drawn.grossSuccessRate)) continue;
        const isDeadweight = stream.nextDouble() < deadweightShare;
        const successYear = intakeYear + this.successLag.sample(stream);
        if (successYear >= horizon) continue;
        out.grossSuccesses[successYear]++;
        if (isDeadweight) out.deadweightSuccesses[successYear]++;
        else out.additionalSuccesses[successYear]++;
        for (let year = successYear + 1; year < horizon; year++) {
          if (stream.nextDouble() < model.relapseRate) {
            out.relapses[year]++;
            if (!isDeadweight) out.additionalRelapses[year]++;
            break;
          }
        }
      }
    });
  }
}
