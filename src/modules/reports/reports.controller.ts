import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReportQueryDto } from './dto/report-query.dto';
import { ReportsService } from './reports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEFAULT_LANGUAGE = 'da';

@ApiTags('simulations')
@Controller('simulations')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  // StreamableFile sets the content type only on success, so an error stays JSON.
  @Get(':id/report.html')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Printable report of a finished run (self-contained HTML, A4)' })
  async html(@Param('id') id: string, @Query() query: ReportQueryDto): Promise<StreamableFile> {
    const html = await this.reports.html(id, query.lang ?? DEFAULT_LANGUAGE);
    return new StreamableFile(Buffer.from(html, 'utf8'), { type: 'text/html; charset=utf-8' });
  }

  @Get(':id/report.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The report as a PDF (headless Chromium)' })
  async pdf(@Param('id') id: string, @Query() query: ReportQueryDto): Promise<StreamableFile> {
    const pdf = await this.reports.pdf(id, query.lang ?? DEFAULT_LANGUAGE);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="report-${id}.pdf"`,
    });
  }

  @Get(':id/export.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary: 'Excel workbook: inputs and sources, yearly tables, percentiles, trials',
  })
  async workbook(@Param('id') id: string, @Query() query: ReportQueryDto): Promise<StreamableFile> {
    const xlsx = await this.reports.workbook(id, query.lang ?? DEFAULT_LANGUAGE);
    return new StreamableFile(xlsx, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="simulation-${id}.xlsx"`,
    });
  }
}
