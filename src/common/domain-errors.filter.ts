import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DataFileError } from '../data/json-file';
import { InvalidInputError, UnknownIdError } from '../engine/shared/errors';

/** The part of Express's response this filter uses (keeps @types/express out of the build). */
interface HttpResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Maps the engines' domain errors to HTTP: an unknown id is a 404 naming it; a broken domain
 * rule or a bad data file is a 400 listing every violated path.
 */
@Catch(UnknownIdError, InvalidInputError, DataFileError)
export class DomainErrorsFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (error instanceof UnknownIdError) {
      response.status(HttpStatus.NOT_FOUND).json({
        statusCode: 404,
        error: 'Not Found',
        message: error.message,
        kind: error.kind,
        id: error.id,
      });
      return;
    }
    // A data file's violations are JSON pointers into it; every one is listed.
    const violations = (error as InvalidInputError | DataFileError).violations;
    response.status(HttpStatus.BAD_REQUEST).json({
      statusCode: 400,
      error: 'Bad Request',
      message: violations.map((v) => `${v.path}: ${v.message}`),
      violations,
    });
  }
}
