import { claimState } from './claim-state';

const now = new Date('2026-12-06T12:00:00Z');
const later = new Date('2026-12-06T12:30:00Z');
const earlier = new Date('2026-12-06T11:30:00Z');

describe('claimState', () => {
  it('is free when nobody holds the case', () => {
    expect(claimState({ assigneeId: null, claimExpiresAt: null }, 'me', now)).toBe('free');
  });

  it('is mine or held while the lease runs', () => {
    expect(claimState({ assigneeId: 'me', claimExpiresAt: later }, 'me', now)).toBe('mine');
    expect(claimState({ assigneeId: 'you', claimExpiresAt: later }, 'me', now)).toBe('held');
  });

  it('is lapsed from the moment the lease ends, whoever asks', () => {
    expect(claimState({ assigneeId: 'you', claimExpiresAt: earlier }, 'me', now)).toBe('lapsed');
    expect(claimState({ assigneeId: 'me', claimExpiresAt: now }, 'me', now)).toBe('lapsed');
  });
});
