import type { Response } from 'superagent';

/** For `.parse()`: the response body as the exact bytes sent, whatever its content type. */
export function binaryBody(response: Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
