import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../report/types';

/** `?lang=da|en`: the report's language (Danish by default). */
export class ReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'da' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}
