import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
} from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CONTRACT_EXTRA_MODELS } from './dto/contract.dto';
import {
  CompareContractsDto,
  CreateContractDto,
  ReviseContractDto,
} from './dto/contract-requests.dto';
import { PAYMENT_COMPONENT_DTOS } from './dto/payment-model.dto';
import { ContractsService } from './contracts.service';

/** A revision number in the path; a 400 shaped like the ValidationPipe's, with the path named. */
const revisionNumber = new ParseIntPipe({
  exceptionFactory: () => {
    const violation = { path: 'revision', message: 'revision must be a whole number (1, 2, …)' };
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: [`${violation.path}: ${violation.message}`],
      violations: [violation],
    });
  },
});

/** Routes with a fixed segment (`templates`, `compare`) come before `:id`, which would match them. */
@ApiTags('contracts')
@ApiExtraModels(...PAYMENT_COMPONENT_DTOS, ...CONTRACT_EXTRA_MODELS)
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get('templates')
  @ApiOperation({ summary: 'The contract templates in contracts/, with their ids and names' })
  listTemplates() {
    return this.contracts.listTemplates();
  }

  @Post('compare')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The negotiating table: 2–6 contracts (inline, stored or templates) projected side by side',
  })
  compare(@Body() request: CompareContractsDto) {
    return this.contracts.compare(request);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a contract from a full document or a template with overrides (revision 1)',
  })
  create(@Body() request: CreateContractDto) {
    return this.contracts.create(request);
  }

  @Get()
  @ApiOperation({ summary: 'All contracts with their latest revision number' })
  list() {
    return this.contracts.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'A contract at its latest revision' })
  get(@Param('id') id: string) {
    return this.contracts.get(id);
  }

  @Get(':id/projection')
  @ApiOperation({
    summary: 'The projection of the latest revision: ledgers, break-even years, investor return',
  })
  projectLatest(@Param('id') id: string) {
    return this.contracts.project(id);
  }

  @Post(':id/revisions')
  @ApiOperation({
    summary: 'Store the full revised contract as a new revision with a note of what changed',
  })
  revise(@Param('id') id: string, @Body() request: ReviseContractDto) {
    return this.contracts.revise(id, request);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: "A contract's revisions, oldest first" })
  listRevisions(@Param('id') id: string) {
    return this.contracts.listRevisions(id);
  }

  @Get(':id/revisions/:revision')
  @ApiOperation({ summary: 'A contract as it stood at one revision' })
  getRevision(@Param('id') id: string, @Param('revision', revisionNumber) revision: number) {
    return this.contracts.get(id, revision);
  }

  @Get(':id/revisions/:revision/projection')
  @ApiOperation({ summary: 'The projection of one revision' })
  projectRevision(@Param('id') id: string, @Param('revision', revisionNumber) revision: number) {
    return this.contracts.project(id, revision);
  }
}
