import type { Response } from 'supertest';

/** Asserts an RFC 9457 problem+json answer with this status; returns the body. */
export function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as Record<string, unknown>;
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:bulwark:problem:/),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.stringMatching(/^\//),
      errors: expect.any(Array),
    }),
  );
  return body as { errors: { field: string; message: string }[]; detail: string; type: string };
}

export function fieldsOf(body: { errors: { field: string }[] }): string[] {
  return body.errors.map((error) => error.field);
}
