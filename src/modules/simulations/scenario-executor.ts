import { Injectable } from '@nestjs/common';
import { runScenario, type RunnableScenario } from '../../engine/scenario';
import { SOFTWARE_VERSION } from '../../version';

/** A scenario resolved and checked at request time, stored with the run and then executed. */
export interface ResolvedScenario {
  kind: 'contract' | 'fund';
  /** What is stored as the run's inputs (enough to reproduce it with the seed and version). */
  inputs: unknown;
  seed: string;
  trials: number;
  workers: number;
  runnable: RunnableScenario;
}

/** Runs a resolved scenario through the same entry point as `dsi simulate`. */
@Injectable()
export class ScenarioExecutor {
  async run(
    scenario: ResolvedScenario,
    control: { signal: AbortSignal; onProgress: (fraction: number) => void },
  ): Promise<{ result: unknown; timings: Record<string, number> }> {
    const result = await runScenario(scenario.runnable, {
      trials: scenario.trials,
      seed: scenario.seed,
      workers: scenario.workers,
      version: SOFTWARE_VERSION,
      signal: control.signal,
      onProgress: (done, total) => control.onProgress(total > 0 ? done / total : 1),
    });
    return { result, timings: result.meta.timings as unknown as Record<string, number> };
  }
}
