import { Body, Controller, HttpCode, Injectable, Post } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { fundProjectionToJson, projectFund } from '../../engine/fund';
import { InvalidInputError } from '../../engine/shared/errors';
import { ScenarioRequests } from '../simulations/scenario-requests';

export class FundProjectionDto {
  @ApiPropertyOptional({ description: 'A fund scenario as in simulations/dsi-25m-injection.json' })
  @ValidateIf((o: FundProjectionDto) => o.scenarioFile === undefined)
  @IsObject({ message: 'give one of scenario or scenarioFile' })
  scenario?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'dsi-25m-injection' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]+$/, {
    message: 'scenarioFile must be a scenario id such as dsi-25m-injection',
  })
  scenarioFile?: string;
}

@Injectable()
export class FundsService {
  constructor(private readonly requests: ScenarioRequests) {}

  async project(request: FundProjectionDto) {
    const resolved = await this.requests.resolve(request);
    if (resolved.runnable.kind !== 'fund') {
      throw new InvalidInputError([
        { path: 'scenario', message: 'a fund scenario (with a "fund" key) is required here' },
      ]);
    }
    return { expected: fundProjectionToJson(projectFund(resolved.runnable.fund)) };
  }
}

@ApiTags('funds')
@Controller('funds')
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Post('projections')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deterministic projection of a fund scenario (capital injection, reinvestment)',
  })
  project(@Body() request: FundProjectionDto) {
    return this.funds.project(request);
  }
}
