import type { Server } from 'node:http';
import type { HttpTimeouts } from '../../config/app-config';

/** How often Node looks for requests past their headers or request timeout (30 s by default). */
const TIMEOUT_CHECK_MS = 1_000;

/**
 * Cuts off clients that send too slowly or not at all: headers not complete in time get a 408,
 * a request (an upload's body included) not complete in time likewise, a connection silent in
 * both directions is closed, and so is an idle keep-alive connection.
 */
export function applyHttpTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.requestTimeout = timeouts.requestMs;
  // Node expects the headers to be due no later than the whole request.
  server.headersTimeout = Math.min(timeouts.headersMs, timeouts.requestMs);
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.setTimeout(timeouts.idleMs);
  // An option of http.createServer, which Nest calls for us; it is read when listening starts.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    TIMEOUT_CHECK_MS;
}
