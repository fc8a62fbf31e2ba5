/** What a principal got from a route: enough to tell a success from a refusal, and why. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  detail?: string;
  /** The fields a problem's errors name. */
  fields: string[];
}

/** The clear refusal a hostile request must get: a 400 problem that says what is wrong. */
export interface Refusal {
  /** Text the problem's detail holds. */
  detail?: string;
  /** A field the problem's errors name. */
  field?: string;
  /** Wrong for some routes only, so that elsewhere a success is right too. */
  mayBeTaken?: boolean;
}

/** How the answer falls short of the refusal, or undefined when it does not. */
export function shortfallOf(answer: Answer, refusal: Refusal): string | undefined {
  const got = `got ${answer.status}${answer.detail ? ` (${answer.detail})` : ''}`;
  if (refusal.mayBeTaken && answer.status < 300) return undefined;
  if (answer.status !== 400) return `expected 400, ${got}`;
  if (!answer.contentType?.startsWith('application/problem+json')) {
    return `expected a problem+json 400, got ${answer.contentType ?? 'no content type'}`;
  }
  if (refusal.detail && !answer.detail?.includes(refusal.detail)) {
    return `expected a detail that says "${refusal.detail}", ${got}`;
  }
  if (refusal.field && !answer.fields.includes(refusal.field)) {
    const named = answer.fields.length > 0 ? answer.fields.join(', ') : 'no field';
    return `expected a 400 naming ${refusal.field}, got one naming ${named}`;
  }
  return undefined;
}
