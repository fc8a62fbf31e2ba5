/**
 * What to tell the operator about Redis's `maxmemory-policy`. BullMQ keeps jobs as ordinary keys,
 * so any policy but `noeviction` may drop queued jobs when memory runs short.
 */
export function evictionPolicyWarning(policy: string | undefined): string | undefined {
  if (policy === undefined || policy === 'noeviction') return undefined;
  return (
    `Redis evicts keys under memory pressure (maxmemory-policy ${policy}): queued jobs may be ` +
    'dropped and only come back when the outbox reconciler requeues them. Set ' +
    'maxmemory-policy noeviction, as BullMQ asks.'
  );
}
