import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { ProblemView } from './problem.view';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request or invalid fields (see errors)',
  401: 'No valid credentials',
  403: 'Not allowed for this principal',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Media type not accepted',
  422: 'Well-formed but unacceptable',
  429: 'Rate limited; see Retry-After',
  503: 'A dependency is unavailable',
};

/** Documents the problem+json responses a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemView),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  );
}
