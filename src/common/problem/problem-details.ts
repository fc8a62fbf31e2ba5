export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem details body as Bulwark sends it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['too-large', 'Content too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable content'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal', 'Internal server error'],
  503: ['unavailable', 'Service unavailable'],
};

export function problemType(slug: string): string {
  return `urn:bulwark:problem:${slug}`;
}

export function problemFor(
  status: number,
  detail: string,
  instance: string,
  errors: FieldError[] = [],
): ProblemDetails {
  const [slug, title] = TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
  const validation = status === 400 && errors.length > 0;
  return {
    type: problemType(validation ? 'validation' : slug),
    title: validation ? 'Invalid request' : title,
    status,
    detail,
    instance,
    errors,
  };
}
