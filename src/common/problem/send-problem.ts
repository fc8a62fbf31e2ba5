import type { Request, Response } from 'express';
import { FieldError, PROBLEM_CONTENT_TYPE, problemFor } from './problem-details';

/** Writes a problem+json response; used by the global filter and by plain Express handlers. */
export function sendProblem(
  request: Request,
  response: Response,
  status: number,
  detail: string,
  errors: FieldError[] = [],
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  const problem = problemFor(status, detail, request.originalUrl.split('?')[0], errors);
  problem.requestId = String(request.id ?? '');
  response.status(status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
