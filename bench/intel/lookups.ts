import type autocannon from 'autocannon';
import { load, LoadRequest } from '../lib/load';
import { seededQq } from './sample-cases';

// GET /v1/identifiers/lookup?kind=qq&value=... as a moderator, for QQs of seeded cases drawn at
// random: one request at a time (each timed here, from sending to the body read), then many at
// once with autocannon.

export interface Lookups {
  /** Milliseconds of each request, in order. */
  ms: number[];
  /** Answers other than 200 with an offender. */
  misses: number;
}

function lookupPath(random: () => number, seededCases: number): string {
  const n = 1 + Math.floor(random() * seededCases);
  return `/v1/identifiers/lookup?kind=qq&value=${seededQq(n)}`;
}

export async function sequentialLookups(
  base: string,
  token: string,
  count: number,
  seededCases: number,
  random: () => number,
): Promise<Lookups> {
  const headers = { authorization: `Bearer ${token}` };
  const ms: number[] = [];
  let misses = 0;
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    const response = await fetch(base + lookupPath(random, seededCases), { headers });
    const body = (await response.json()) as { offender?: unknown };
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (response.status !== 200 || !body.offender) misses++;
  }
  return { ms, misses };
}

export function concurrentLookups(
  base: string,
  token: string,
  options: { connections: number; duration: number },
  seededCases: number,
  random: () => number,
): Promise<autocannon.Result> {
  const request: LoadRequest = {
    method: 'GET',
    headers: { authorization: `Bearer ${token}` },
    setupRequest: (next) => ({ ...next, path: lookupPath(random, seededCases) }),
  };
  return load({ url: base, ...options, requests: [request] });
}
