import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { ReportQueryDto } from './report-query.dto';

/** `?revision=N&lang=da|en`: which revision of a stored contract (default: the latest). */
export class ContractReportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision?: number;
}
