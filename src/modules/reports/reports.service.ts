import { ConflictException, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  buildReportModel,
  launchPdfPrinter,
  renderReportHtml,
  reportPdf,
  reportSourceFromContract,
  reportSourceFromStoredRun,
  workbookBuffer,
  type PdfPrinter,
  type PerTrialNeed,
  type ReportLanguage,
  type SimulationReportSource,
} from '../../report';
import { ContractsService } from '../contracts/contracts.service';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { SimulationsService } from '../simulations/simulations.service';

/**
 * Reports and workbooks of finished simulation runs. One Chromium serves every PDF request; it
 * starts with the first one and stops with the app.
 */
@Injectable()
export class ReportsService implements OnApplicationShutdown {
  private printer: Promise<PdfPrinter> | null = null;

  constructor(
    private readonly simulations: SimulationsService,
    private readonly contracts: ContractsService,
    private readonly knowledge: KnowledgeService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const printer = this.printer;
    this.printer = null;
    if (printer) await (await printer).close();
  }

  async html(id: string, language: ReportLanguage): Promise<string> {
    return renderReportHtml(buildReportModel(await this.source(id, 'fund'), language));
  }

  async pdf(id: string, language: ReportLanguage): Promise<Buffer> {
    const source = await this.source(id, 'fund');
    this.printer ??= launchPdfPrinter();
    try {
      return await reportPdf(source, language, await this.printer);
    } catch (error) {
      // A printer that failed to start (or crashed) is started afresh by the next request.
      this.printer = null;
      throw error;
    }
  }

  /** The projection report of a stored contract revision (the latest unless given). */
  async contractHtml(
    id: string,
    revision: number | undefined,
    language: ReportLanguage,
  ): Promise<string> {
    const stored = await this.contracts.get(id, revision);
    const source = reportSourceFromContract(
      stored.contract,
      `contract ${stored.id}, revision ${stored.revision}`,
      this.knowledge.kb,
      `GET /contracts/${stored.id}/report.html?revision=${stored.revision}`,
    );
    return renderReportHtml(buildReportModel(source, language));
  }

  async workbook(id: string, language: ReportLanguage): Promise<Buffer> {
    return workbookBuffer(await this.source(id, 'all'), language);
  }

  /** A finished run's report source; 404 for an unknown id, 409 while it is not done. */
  private async source(id: string, perTrial: PerTrialNeed): Promise<SimulationReportSource> {
    const run = await this.simulations.find(id);
    if (run.status !== 'done') {
      throw new ConflictException(
        `simulation run '${id}' is ${run.status}; only a finished run has a report`,
      );
    }
    return reportSourceFromStoredRun(run, { knowledge: this.knowledge.kb, perTrial });
  }
}
