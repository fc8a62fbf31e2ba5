import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';
import { PAGE_ERRORS, PageErrors } from './page-errors';
import { sendProblem } from './send-problem';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Renders every error, ours, Nest's or Express's, as RFC 9457 problem+json; or, for a request
 * for a web page, hands it to the pages to draw.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(@Optional() @Inject(PAGE_ERRORS) private readonly pages?: PageErrors) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, detail, errors, headers } = this.describe(exception);
    if (status >= 500) this.logger.error(exception);
    if (this.pages?.isPageRequest(request) && !response.headersSent) {
      response.set(headers);
      this.pages.send(request, response, status, detail);
      return;
    }
    sendProblem(request, response, status, detail, errors, headers);
  }

  private describe(exception: unknown): {
    status: number;
    detail: string;
    errors: FieldError[];
    headers: Record<string, string>;
  } {
    if (exception instanceof ProblemException) {
      return {
        status: exception.getStatus(),
        detail: exception.message,
        errors: exception.errors,
        headers: exception.headers,
      };
    }
    // Nest wraps Express's parser errors in HTTP exceptions carrying the parser's own message.
    const parserError = (
      exception instanceof HttpException ? exception.cause : exception
    ) as BodyParserError;
    const parsing = this.describeParserError(parserError, exception instanceof HttpException);
    if (parsing) return parsing;
    if (exception instanceof HttpException) {
      return {
        status: exception.getStatus(),
        detail: this.messageOf(exception),
        errors: [],
        headers: {},
      };
    }
    return { status: 500, detail: 'Something went wrong on our side.', errors: [], headers: {} };
  }

  /** What a body parser's error says, in words that give away none of its internals. */
  private describeParserError(
    parserError: BodyParserError | undefined,
    wrapped: boolean,
  ): ReturnType<ProblemFilter['describe']> | undefined {
    if (parserError?.type === 'entity.parse.failed') {
      return {
        status: 400,
        detail: 'The request body is not valid JSON.',
        errors: [],
        headers: {},
      };
    }
    if (parserError?.type === 'entity.too.large') {
      const detail = `The request body exceeds the limit of ${parserError.limit} bytes.`;
      return { status: 413, detail, errors: [], headers: {} };
    }
    if (!wrapped && parserError?.status && parserError.status >= 400 && parserError.status < 500) {
      return {
        status: parserError.status,
        detail: 'The request could not be read.',
        errors: [],
        headers: {},
      };
    }
    return undefined;
  }

  private messageOf(exception: HttpException): string {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
