import type { SimulationRunEntity } from './simulation-run.entity';

export function toSimulationRunResponse(run: SimulationRunEntity) {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    progress: run.progress,
    seed: run.seed,
    trials: run.trials,
    softwareVersion: run.softwareVersion,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    timings: run.timings ? (JSON.parse(run.timings) as Record<string, number>) : null,
    inputs: JSON.parse(run.inputs) as unknown,
    result: run.result ? (JSON.parse(run.result) as unknown) : null,
  };
}
