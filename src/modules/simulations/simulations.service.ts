import { ConflictException, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository, type FindOptionsWhere } from 'typeorm';
import { SerialTransactions } from '../../database/serial-transactions';
import { UnknownIdError } from '../../engine/shared/errors';
import { SOFTWARE_VERSION } from '../../version';
import { RunQueue } from './run-queue';
import { SimulationRunEntity } from './simulation-run.entity';
import { toSimulationRunResponse } from './simulations.mapper';
import { ScenarioExecutor, type ResolvedScenario } from './scenario-executor';

/** Progress is written at most this often, so a fast run is not slowed by database writes. */
const PROGRESS_WRITE_INTERVAL_MS = 250;

@Injectable()
export class SimulationsService implements OnModuleInit, OnApplicationShutdown {
  private readonly queue = new RunQueue();

  constructor(
    @InjectRepository(SimulationRunEntity) private readonly runs: Repository<SimulationRunEntity>,
    private readonly executor: ScenarioExecutor,
    private readonly transactions: SerialTransactions,
  ) {}

  /** Every write goes through the app's one write queue (SQLite has a single connection). */
  private write(
    where: FindOptionsWhere<SimulationRunEntity>,
    values: Partial<SimulationRunEntity>,
  ): Promise<unknown> {
    return this.transactions.run((manager) => manager.update(SimulationRunEntity, where, values));
  }

  /** A run that was queued or running when the process died is marked interrupted, never resumed silently. */
  async onModuleInit(): Promise<void> {
    await this.write(
      { status: In(['queued', 'running']) },
      { status: 'interrupted', error: 'the service stopped while this run was queued or running' },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.drain();
  }

  /** Stores the run as queued and returns at once; the queue runs it in the background. */
  async submit(scenario: ResolvedScenario): Promise<ReturnType<typeof toSimulationRunResponse>> {
    const entity = this.runs.create({
      id: randomUUID(),
      kind: scenario.kind,
      status: 'queued',
      progress: 0,
      inputs: JSON.stringify(scenario.inputs),
      seed: scenario.seed,
      trials: scenario.trials,
      softwareVersion: SOFTWARE_VERSION,
      result: null,
      error: null,
      timings: null,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    });
    await this.transactions.run((manager) => manager.insert(SimulationRunEntity, entity));
    this.queue.enqueue({
      id: entity.id,
      run: (signal) => this.execute(entity.id, scenario, signal),
    });
    return toSimulationRunResponse(entity);
  }

  /** Runs, newest first; results are left out (they can be large). */
  async list() {
    const runs = await this.runs.find({ order: { createdAt: 'DESC' } });
    return runs.map((run) => {
      const response = toSimulationRunResponse({ ...run, result: null });
      return { ...response, inputs: undefined, result: undefined };
    });
  }

  async get(id: string) {
    return toSimulationRunResponse(await this.find(id));
  }

  async find(id: string): Promise<SimulationRunEntity> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw new UnknownIdError('simulation run', id);
    return run;
  }

  async cancel(id: string) {
    const run = await this.find(id);
    if (run.status !== 'queued' && run.status !== 'running') {
      throw new ConflictException(`simulation run '${id}' is already ${run.status}`);
    }
    this.queue.cancel(id);
    await this.write({ id, status: In(['queued', 'running']) }, this.finished('cancelled'));
    return this.get(id);
  }

  private finished(status: 'cancelled' | 'failed', error: string | null = null) {
    return { status, error, finishedAt: new Date().toISOString() };
  }

  private async execute(
    id: string,
    scenario: ResolvedScenario,
    signal: AbortSignal,
  ): Promise<void> {
    const startedAt = new Date().toISOString();
    await this.write({ id, status: 'queued' }, { status: 'running', startedAt });
    let lastWrite = 0;
    const onProgress = (fraction: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_WRITE_INTERVAL_MS) return;
      lastWrite = now;
      void this.write({ id, status: 'running' }, { progress: fraction });
    };
    try {
      const { result, timings } = await this.executor.run(scenario, { signal, onProgress });
      if (signal.aborted) return;
      // One UPDATE writes the result and the status together: no half-written results.
      await this.write(
        { id, status: 'running' },
        {
          status: 'done',
          progress: 1,
          result: JSON.stringify(result),
          timings: JSON.stringify(timings),
          finishedAt: new Date().toISOString(),
        },
      );
    } catch (error) {
      if (signal.aborted) return;
      await this.write({ id }, this.finished('failed', (error as Error).message));
    }
  }
}
