import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ContractReportQueryDto } from './dto/contract-report-query.dto';
import { ReportsService } from './reports.service';

@ApiTags('contracts')
@Controller('contracts')
export class ContractReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/report.html')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Printable report of a stored contract’s projection (HTML, A4)' })
  async html(
    @Param('id') id: string,
    @Query() query: ContractReportQueryDto,
  ): Promise<StreamableFile> {
    const html = await this.reports.contractHtml(id, query.revision, query.lang ?? 'da');
    return new StreamableFile(Buffer.from(html, 'utf8'), { type: 'text/html; charset=utf-8' });
  }
}
