import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSimulationDto } from './dto/create-simulation.dto';
import { ScenarioRequests } from './scenario-requests';
import { SimulationsService } from './simulations.service';

@ApiTags('simulations')
@Controller('simulations')
export class SimulationsController {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly requests: ScenarioRequests,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue a Monte Carlo run (contract or fund scenario); returns its id at once',
  })
  async create(@Body() request: CreateSimulationDto) {
    return this.simulations.submit(await this.requests.resolve(request));
  }

  @Get()
  @ApiOperation({ summary: 'Runs, newest first, without their results' })
  list() {
    return this.simulations.list();
  }

  @Get('scenarios')
  @ApiOperation({ summary: 'Scenario files in simulations/' })
  scenarios() {
    return this.requests.listFiles();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, progress and, when done, the results of a run' })
  get(@Param('id') id: string) {
    return this.simulations.get(id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Cancel a queued or running run' })
  cancel(@Param('id') id: string) {
    return this.simulations.cancel(id);
  }
}
