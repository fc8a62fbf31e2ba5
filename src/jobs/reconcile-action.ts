/** What the reconciler does with an unfinished outbox row, given its job's state in BullMQ. */
export type ReconcileAction = 'requeue' | 'finished' | 'failed' | 'queued';

export function reconcileAction(jobState: string): ReconcileAction {
  switch (jobState) {
    case 'unknown':
      return 'requeue';
    case 'completed':
      return 'finished';
    case 'failed':
      return 'failed';
    default:
      return 'queued';
  }
}
