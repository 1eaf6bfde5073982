import type { Contract } from '../engine/contract/types';
import type { KnowledgeBase } from '../engine/som';
import type { PerTrialTable } from './per-trial';
import type { RunProvenance } from './provenance';

/**
 * What a report is made from: a result JSON as the CLI and the API print it, with what is needed
 * to list its assumptions (the knowledge base and the documents the run read) and to say how to
 * reproduce it.
 */

export interface RunInfo {
  softwareVersion: string;
  /** What was run: a scenario file, a template id or a stored run id. */
  label: string;
  /** The command that reproduces the result. */
  command?: string;
  runId?: string;
  createdAt?: string;
}

interface ReportSourceBase {
  name: string;
  knowledge: KnowledgeBase;
  provenance: RunProvenance;
  run: RunInfo;
}

export interface ProjectionReportSource extends ReportSourceBase {
  kind: 'contractProjection';
  /** `projectionToJson` of the contract. */
  projection: unknown;
  contract: Contract;
}

export interface SimulationReportSource extends ReportSourceBase {
  kind: 'simulation';
  /** `runScenario`'s result JSON (`meta.kind` 'contract' or 'fund'). */
  result: unknown;
  /** Per-trial rows regenerated from the seed, when available. */
  perTrial?: PerTrialTable;
}

export type ReportSource = ProjectionReportSource | SimulationReportSource;

/** `meta.kind` of a runScenario result. */
export function resultKind(result: unknown): 'contract' | 'fund' {
  const meta = (result as { meta?: { kind?: unknown } } | null)?.meta;
  if (meta?.kind === 'fund' || meta?.kind === 'contract') return meta.kind;
  throw new TypeError("a simulation result needs meta.kind 'contract' or 'fund'");
}
