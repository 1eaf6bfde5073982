import { contractSimulationReportModel } from './model-contract-simulation';
import { fundReportModel } from './model-fund';
import { projectionReportModel } from './model-projection';
import { resultKind, type ReportSource } from './source';
import type { ReportLanguage, ReportModel } from './types';

/** The report model of any of the three kinds of result. */
export function buildReportModel(
  source: ReportSource,
  language: ReportLanguage = 'da',
): ReportModel {
  if (source.kind === 'contractProjection') return projectionReportModel(source, language);
  return resultKind(source.result) === 'fund'
    ? fundReportModel(source, language)
    : contractSimulationReportModel(source, language);
}
