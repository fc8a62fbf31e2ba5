import type { Request } from 'express';
import { assertFieldNesting } from '../common/http/field-nesting';
import { MAX_FIELD_NESTING } from '../common/http/read-multipart';
import { ProblemException, ValidationProblem } from '../common/problem/problem.exception';
import { StrictValidationPipe } from '../common/validation/validation.pipe';
import { caseFromForm, CaseFormOptions } from './case-form';
import { CreateCaseDto } from '../cases/case.dto';
import type { FieldRenamer } from '../cases/cases.service';

const validation = new StrictValidationPipe();

/** A form field holds at most a 10,000-character description in UTF-8 Chinese, 3 bytes a character. */
export const CASE_FORM_FIELD_LIMITS = { fields: 200, fieldSize: 64 * 1024, fieldNameSize: 100 };

export interface CaseFiling {
  dto: CreateCaseDto;
  renameField: FieldRenamer;
}

/**
 * A filing from a JSON body or from a plain HTML form (multipart or urlencoded). Both run the same
 * DTO validation; a form's errors name its own fields.
 */
export async function readCaseFiling(
  request: Request,
  formOptions: CaseFormOptions,
): Promise<CaseFiling> {
  if (request.is('application/json')) {
    const dto = (await validation.transform(request.body, {
      type: 'body',
      metatype: CreateCaseDto,
    })) as CreateCaseDto;
    return { dto, renameField: (field) => field };
  }
  if (request.is('multipart/form-data') || request.is('application/x-www-form-urlencoded')) {
    assertFieldNesting(request.body, MAX_FIELD_NESTING);
    const parsed = caseFromForm((request.body ?? {}) as Record<string, unknown>, formOptions);
    if (!parsed.ok) throw new ValidationProblem(parsed.errors);
    const { body, renameField } = parsed.form;
    try {
      const dto = (await validation.transform(body, {
        type: 'body',
        metatype: CreateCaseDto,
      })) as CreateCaseDto;
      return { dto, renameField };
    } catch (error) {
      if (!(error instanceof ValidationProblem)) throw error;
      throw new ValidationProblem(
        error.errors.map((fieldError) => ({ ...fieldError, field: renameField(fieldError.field) })),
      );
    }
  }
  throw new ProblemException(
    415,
    'Send the case as application/json, multipart/form-data or application/x-www-form-urlencoded.',
  );
}
