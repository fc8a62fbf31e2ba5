import { evictionPolicyWarning } from './eviction-policy';

describe('evictionPolicyWarning', () => {
  it('says nothing of noeviction, or of a Redis that does not tell (CONFIG refused)', () => {
    expect(evictionPolicyWarning('noeviction')).toBeUndefined();
    expect(evictionPolicyWarning(undefined)).toBeUndefined();
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-lfu', 'volatile-ttl', 'allkeys-random'])(
    'warns of %s, naming the policy and the fix',
    (policy) => {
      const warning = evictionPolicyWarning(policy);
      expect(warning).toContain(policy);
      expect(warning).toContain('maxmemory-policy noeviction');
    },
  );
});
