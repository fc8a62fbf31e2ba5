import type { Request } from 'express';
import { ProblemException, ValidationProblem } from '../common/problem/problem.exception';
import { StrictValidationPipe } from '../common/validation/validation.pipe';
import { caseFromForm, CaseFormOptions } from './case-form';
import { CreateCaseDto } from './case.dto';
import type { FieldRenamer } from './cases.service';

const validation = new StrictValidationPipe();

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
