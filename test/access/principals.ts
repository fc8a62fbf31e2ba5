import { API_KEY_SCOPES, ApiKeyScope } from '../../src/accounts/api-key-scope';

/** An integration holding a key with exactly this one scope. */
export type ApiKeyPrincipal = `apiKey:${ApiKeyScope}`;

/**
 * Who calls a route in the access matrix: the seller who owns the fixtures a route's ids point
 * at, a seller of another shop, staff, one integration per API key scope, and nobody at all.
 */
export type Principal =
  'owner' | 'otherSeller' | 'moderator' | 'admin' | ApiKeyPrincipal | 'anonymous';

export type Person = 'owner' | 'otherSeller' | 'moderator' | 'admin';

export const apiKeyPrincipal = (scope: ApiKeyScope): ApiKeyPrincipal => `apiKey:${scope}`;

/**
 * Every principal, in the order the matrix reports them. The keys come from API_KEY_SCOPES, so a
 * new scope joins the matrix by itself, and its cells fail until the table states its statuses.
 */
export const PRINCIPALS: readonly Principal[] = [
  'owner',
  'otherSeller',
  'moderator',
  'admin',
  ...API_KEY_SCOPES.map(apiKeyPrincipal),
  'anonymous',
];

export function isPerson(principal: Principal): principal is Person {
  return ['owner', 'otherSeller', 'moderator', 'admin'].includes(principal);
}

export function scopeOf(principal: ApiKeyPrincipal): ApiKeyScope {
  return principal.slice('apiKey:'.length) as ApiKeyScope;
}

export function isApiKeyPrincipal(principal: Principal): principal is ApiKeyPrincipal {
  return principal.startsWith('apiKey:');
}
