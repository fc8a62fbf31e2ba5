/** What an integration's key may do. Each scope opens the routes that declare it, no others. */
export const API_KEY_SCOPES = ['cases:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
