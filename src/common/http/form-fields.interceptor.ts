import {
  CallHandler,
  ExecutionContext,
  Injectable,
  mixin,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { ProblemException } from '../problem/problem.exception';

export interface FormLimits {
  fields: number;
  parts: number;
  fieldSize: number;
  fieldNameSize: number;
}

/** Says which limit a form broke: 413 for size and count limits, 400 for a form it cannot read. */
function toProblem(error: unknown, limits: FormLimits): unknown {
  if (!(error instanceof MulterError)) return error;
  const tooLarge: Partial<Record<MulterError['code'], string>> = {
    LIMIT_FIELD_COUNT: `The form has more than ${limits.fields} fields.`,
    LIMIT_PART_COUNT: `The form has more than ${limits.parts} parts.`,
    LIMIT_FIELD_VALUE: `The field ${error.field ?? ''} is longer than ${limits.fieldSize} bytes.`,
    LIMIT_FIELD_KEY: `A field name is longer than ${limits.fieldNameSize} bytes.`,
  };
  const detail = tooLarge[error.code];
  if (detail) return new ProblemException(413, detail);
  if (error.code === 'LIMIT_UNEXPECTED_FILE') {
    return new ProblemException(400, `This form takes no files (field ${error.field ?? ''}).`);
  }
  return new ProblemException(400, `The form cannot be read: ${error.message}.`);
}

/**
 * Reads a multipart form without files into request.body, within explicit limits. Other content
 * types pass through untouched for the JSON and urlencoded parsers.
 */
export function FormFieldsInterceptor(limits: FormLimits): Type<NestInterceptor> {
  @Injectable()
  class FormFields implements NestInterceptor {
    private readonly readForm = multer({ limits }).none();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        this.readForm(http.getRequest<Request>(), http.getResponse<Response>(), (error) =>
          error ? reject(toProblem(error, limits)) : resolve(),
        ),
      );
      return next.handle();
    }
  }
  return mixin(FormFields);
}
