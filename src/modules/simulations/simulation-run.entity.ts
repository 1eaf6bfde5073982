import { Column, Entity, PrimaryColumn } from 'typeorm';

export const RUN_STATUSES = [
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * A persisted simulation run: its inputs, seed and software version (enough to reproduce it),
 * its state, and, only once it has finished, its results. Results are written in the same
 * UPDATE that marks the run done, so a crash never leaves half-written results.
 */
@Entity('simulation_run')
export class SimulationRunEntity {
  @PrimaryColumn() id!: string;
  /** 'contract' or 'fund'. */
  @Column() kind!: string;
  @Column({ type: 'varchar' }) status!: RunStatus;
  @Column({ type: 'real' }) progress!: number;
  /** The scenario as resolved (contract, overrides, settings), JSON. */
  @Column({ type: 'text' }) inputs!: string;
  @Column() seed!: string;
  @Column({ type: 'integer' }) trials!: number;
  @Column({ name: 'software_version' }) softwareVersion!: string;
  @Column({ type: 'text', nullable: true }) result!: string | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  /** Wall-clock timings in milliseconds, JSON. */
  @Column({ type: 'text', nullable: true }) timings!: string | null;
  @Column({ name: 'created_at' }) createdAt!: string;
  @Column({ name: 'started_at', type: 'varchar', nullable: true }) startedAt!: string | null;
  @Column({ name: 'finished_at', type: 'varchar', nullable: true }) finishedAt!: string | null;
}
