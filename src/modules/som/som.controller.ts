import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValuationRequestDto } from './dto/valuation-request.dto';
import { SomService } from './som.service';

@ApiTags('som')
@Controller('som')
export class SomController {
  constructor(private readonly som: SomService) {}

  @Get('target-groups')
  @ApiOperation({
    summary: 'Target groups with their success measures, consequences, prices and sources',
  })
  listTargetGroups() {
    return this.som.listTargetGroups();
  }

  @Get('success-measures/:id')
  @ApiOperation({ summary: 'One success measure with its consequences and sources' })
  getSuccessMeasure(@Param('id') id: string) {
    return this.som.getSuccessMeasure(id);
  }

  @Post('valuations')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Value successes: consequences in kroner by year, actor and welfare area',
  })
  value(@Body() request: ValuationRequestDto) {
    return this.som.value(request);
  }
}
