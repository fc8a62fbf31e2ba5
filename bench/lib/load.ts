import autocannon from 'autocannon';

// autocannon with the request options bench/http/autocannon.d.ts leaves out: a request list whose
// setupRequest hook builds each request (a body that differs per request). The declaration there
// types only what bench:http uses; this is the one place that widens it.

/** What setupRequest receives and returns: the request autocannon is about to send. */
export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?: (request: LoadRequest, context: Record<string, unknown>) => LoadRequest;
}

export interface LoadRun {
  url: string;
  connections: number;
  duration: number;
  /** Per-request timeout in seconds (autocannon's default is 10). */
  timeout?: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: LoadRequest[];
}

const run = autocannon as unknown as (options: LoadRun) => Promise<autocannon.Result>;

export function load(options: LoadRun): Promise<autocannon.Result> {
  return run(options);
}
