import type { Request, Response } from 'express';

/**
 * Who draws an error as a page for a reader rather than problem+json for a client: the web
 * pages provide it, so errors raised before a page's own filter (by the body parsers, say) still
 * reach a reader of a page in their language.
 */
export interface PageErrors {
  /** Whether the request is for a page, not for the API or an operations route. */
  isPageRequest(request: Request): boolean;
  send(request: Request, response: Response, status: number, detail: string): void;
}

export const PAGE_ERRORS = Symbol('PAGE_ERRORS');
