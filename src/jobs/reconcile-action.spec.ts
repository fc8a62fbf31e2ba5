import { reconcileAction } from './reconcile-action';

describe('reconcileAction', () => {
  it.each([
    ['unknown', 'requeue'],
    ['completed', 'finished'],
    ['failed', 'failed'],
    ['waiting', 'queued'],
    ['active', 'queued'],
    ['delayed', 'queued'],
    ['prioritized', 'queued'],
    ['waiting-children', 'queued'],
  ])('a job %s in BullMQ is %s', (state, action) => {
    expect(reconcileAction(state)).toBe(action);
  });
});
