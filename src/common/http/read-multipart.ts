import type { ExecutionContext } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { MulterError } from 'multer';
import { ProblemException } from '../problem/problem.exception';
import { assertFieldNesting } from './field-nesting';

/** `name[]` repeats a field; deeper names are never needed by a Bulwark form. */
export const MAX_FIELD_NESTING = 1;

export interface MultipartLimits {
  fields: number;
  parts: number;
  fieldSize: number;
  fieldNameSize: number;
  /** Only for forms that carry files. */
  files?: number;
  fileSize?: number;
}

/** The field a broken limit is about, when it is about one: files whatever their part's name. */
function fieldOf(error: MulterError): string | undefined {
  if (error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FILE_COUNT') return 'files';
  return error.code === 'LIMIT_FIELD_VALUE' ? error.field : undefined;
}

/** Says which limit a form broke: 413 for size and count limits, 400 for a form it cannot read. */
function toProblem(error: unknown, limits: MultipartLimits): unknown {
  if (!(error instanceof MulterError)) {
    return error instanceof Error &&
      /Unexpected end of form|Malformed part header/i.test(error.message)
      ? new ProblemException(400, `The form cannot be read: ${error.message}.`)
      : error;
  }
  const tooLarge: Partial<Record<MulterError['code'], string>> = {
    LIMIT_FIELD_COUNT: `The form has more than ${limits.fields} fields.`,
    LIMIT_PART_COUNT: `The form has more than ${limits.parts} parts.`,
    LIMIT_FIELD_VALUE: `The field ${error.field ?? ''} is longer than ${limits.fieldSize} bytes.`,
    LIMIT_FIELD_KEY: `A field name is longer than ${limits.fieldNameSize} bytes.`,
    LIMIT_FILE_COUNT: `The form has more than ${limits.files ?? 0} files.`,
    LIMIT_FILE_SIZE: `A file is larger than the limit of ${limits.fileSize ?? 0} bytes.`,
  };
  const detail = tooLarge[error.code];
  const field = fieldOf(error);
  if (detail) {
    return new ProblemException(413, detail, field ? [{ field, message: detail }] : undefined);
  }
  if (error.code === 'LIMIT_UNEXPECTED_FILE') {
    return new ProblemException(400, `This form takes no files in the field ${error.field ?? ''}.`);
  }
  return new ProblemException(400, `The form cannot be read: ${error.message}.`);
}

/** Runs a multer handler on the request, turning its errors into problems that name the limit. */
export async function readMultipart(
  handler: RequestHandler,
  context: ExecutionContext,
  limits: MultipartLimits,
): Promise<void> {
  const http = context.switchToHttp();
  const request = http.getRequest<Request>();
  await new Promise<void>((resolve, reject) =>
    handler(request, http.getResponse<Response>(), (error?: unknown) =>
      error ? reject(toProblem(error, limits)) : resolve(),
    ),
  );
  assertFieldNesting(request.body, MAX_FIELD_NESTING);
}
