import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SolveRequestDto } from './dto/solve-request.dto';
import { NegotiationsService } from './negotiations.service';

/** The part of Express's response used here (keeps @types/express out of the build). */
interface ClosableResponse {
  writableFinished: boolean;
  on(event: 'close', listener: () => void): void;
}

@ApiTags('negotiations')
@Controller('negotiations')
export class NegotiationsController {
  constructor(private readonly negotiations: NegotiationsService) {}

  @Get('templates')
  @ApiOperation({ summary: 'The contract templates with their full documents (for the editor)' })
  templates() {
    return this.negotiations.templates();
  }

  @Post('solve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The zone of possible agreement for a lever (or a map over two), every candidate judged by the same seeded Monte Carlo',
  })
  solve(@Body() request: SolveRequestDto, @Res({ passthrough: true }) response: ClosableResponse) {
    // A client that hangs up (the page's Cancel) stops the search between two candidates.
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort(new Error('the client cancelled the request'));
    });
    return this.negotiations.solve(request, abort.signal);
  }
}
